/** The page's time, for its own timers (idle warnings); a test's page.clock controls it. */
export const now = (): number => Date.now();
