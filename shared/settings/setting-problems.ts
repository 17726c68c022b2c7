import type { z } from 'zod';

/** Why a setting was refused: a kind the settings view words in both languages, plus the schema's own text. */
export type SettingProblemCode = 'tooBig' | 'tooSmall' | 'wrongType' | 'notOneOf' | 'format' | 'unknownKey' | 'other';

export interface SettingProblem {
  /** The config path, such as "retention.visitMonths" ("" for the file as a whole). */
  key: string;
  code: SettingProblemCode;
  /** The bound for tooBig and tooSmall, the allowed values for notOneOf. */
  limit?: number;
  values?: string[];
  /** The schema's message in English, as config load reports it. */
  message: string;
}

const CODES: Record<string, SettingProblemCode> = {
  too_big: 'tooBig',
  too_small: 'tooSmall',
  invalid_type: 'wrongType',
  invalid_value: 'notOneOf',
  invalid_format: 'format',
  unrecognized_keys: 'unknownKey',
};

/** The schema's issues as problems per setting; an unknown key is named itself. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): SettingProblem[] {
  return issues.flatMap((issue): SettingProblem[] => {
    const key = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((name) => ({
        key: key ? `${key}.${name}` : name,
        code: 'unknownKey',
        message: 'is not a setting',
      }));
    const problem: SettingProblem = { key, code: CODES[issue.code] ?? 'other', message: issue.message };
    if (issue.code === 'too_big' || issue.code === 'too_small') {
      const bound = Number(
        (issue as { maximum?: unknown; minimum?: unknown }).maximum ?? (issue as { minimum?: unknown }).minimum,
      );
      if (Number.isFinite(bound)) problem.limit = bound;
    }
    if (issue.code === 'invalid_value') problem.values = issue.values.map(String);
    return [problem];
  });
}

/** "retention.visitMonths: must be at most 6 months, ...", as the CLI and config load print it. */
export const describeProblem = (problem: SettingProblem): string =>
  `${problem.key || '(top level)'}: ${problem.message}`;
