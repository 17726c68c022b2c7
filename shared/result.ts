import type { MessageKey } from './messages';

/** A failure that crosses a process boundary: a message key, and per-field keys for forms. */
export interface ApiError {
  key: MessageKey;
  fields?: Partial<Record<string, MessageKey>>;
  /** Values the message is rendered with, e.g. { minutes: 5 }; never personal data. */
  params?: Record<string, number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (key: MessageKey, fields?: ApiError['fields']): Result<never> => ({
  ok: false,
  error: fields ? { key, fields } : { key },
});
