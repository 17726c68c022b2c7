/** A mistake in what the user typed or configured: one line on stderr, exit code 2, no stack. */
export class UsageError extends Error {}
