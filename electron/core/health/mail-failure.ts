import { printable } from '../../../shared/printable';
import type { Database } from '../database';

const MAIL_FAILURE_KEY = 'mailFailure';
const MAX_ERROR_LENGTH = 300;

/** The last mail that could not be sent (an alarm or a host notice): since when, and the server's error. */
export interface MailFailure {
  since: number;
  error: string;
}

/** The error as the mail server or the connection gave it, on one visible line. */
export function mailErrorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return printable(text.replace(/\s+/g, ' ').trim()).slice(0, MAX_ERROR_LENGTH) || 'unknown error';
}

/** Raises (or keeps, with the newest error) the mail alarm; it started with the first failure. */
export async function recordMailFailure(database: Database, now: number, error: unknown): Promise<void> {
  const current = await mailFailure(database);
  const value: MailFailure = { since: current?.since ?? now, error: mailErrorText(error) };
  await database.run(
    'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [MAIL_FAILURE_KEY, JSON.stringify(value)],
  );
}

/** A mail went through: the alarm clears. */
export async function clearMailFailure(database: Database): Promise<void> {
  await database.run('DELETE FROM app_state WHERE key = ?', [MAIL_FAILURE_KEY]);
}

export async function mailFailure(database: Database): Promise<MailFailure | null> {
  const row = await database.get<{ value: string }>('SELECT value FROM app_state WHERE key = ?', [MAIL_FAILURE_KEY]);
  return row ? (JSON.parse(row.value) as MailFailure) : null;
}
