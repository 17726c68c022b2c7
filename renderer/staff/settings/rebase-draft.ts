export type Draft = Record<string, string | boolean>;

/**
 * The fields after the settings in force changed (a save here, in another group or at another desk):
 * a field the admin has not touched shows the new value; one they have typed in keeps what they typed.
 */
export function rebaseDraft(draft: Draft, previous: Draft, next: Draft): Draft {
  return Object.fromEntries(
    Object.keys(next).map((key) => [key, key in draft && draft[key] !== previous[key] ? draft[key]! : next[key]!]),
  );
}
