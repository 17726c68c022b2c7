import { z } from 'zod';
import type { KioskConfig } from '../config';
import type { MessageKey } from '../messages';
import type { SettingProblem } from '../settings/setting-problems';
import { channel } from './channel';
import type { RecorderInspection } from './footage-recorders';
import type { NoticeFacts } from './types';

const admin = ['admin'] as const;

/** One setting to change: its config path and its new value (JSON; null clears a nullable setting). */
export const settingChange = z.strictObject({
  key: z
    .string({ error: 'field.invalid' satisfies MessageKey })
    .trim()
    .min(1)
    .max(200),
  value: z.json(),
});
export type SettingChange = z.output<typeof settingChange>;

const changesInput = z.strictObject({ changes: z.array(settingChange).min(1).max(100) });
const saveInput = changesInput.extend({
  /** The admin saw the effect (visits the next run erases) and confirmed it. */
  confirmed: z.boolean().default(false),
});
const noInput = z.strictObject({});

/** config.json as an admin may see it: secrets replaced by HIDDEN_SECRET. */
export interface SettingsView {
  config: KioskConfig;
  /** Where the file is, for an admin who reads it. */
  file: string;
}

/** One single setting that changes, with its values as JSON (secrets as "changed"). */
export interface ChangedSetting {
  key: string;
  before: string | null;
  after: string | null;
}

/** What a change does to the promise, shown before it is saved. */
export interface SettingsEffects {
  /** Visits the next purge run would erase under the new settings (null when retention is untouched). */
  visitsErasedNextRun: number | null;
  /** ... of which this many only because of the change (they would have stayed under the current settings). */
  visitsErasedByChange: number | null;
  /** The notice as visitors will read it, when its facts change. */
  notice: { before: NoticeFacts; after: NoticeFacts } | null;
  /** What the recorder layouts read under a new footage root (or with a new layout). */
  recorders: { inspection: RecorderInspection } | { error: MessageKey; detail: string } | null;
}

export type SettingsPreview =
  | { valid: true; changed: ChangedSetting[]; effects: SettingsEffects; needsConfirmation: boolean }
  | { valid: false; problems: SettingProblem[] };

export type SettingsSaveOutcome =
  | { outcome: 'saved'; changed: ChangedSetting[] }
  | { outcome: 'invalid'; problems: SettingProblem[] }
  /** Shortening a retention period erases visits at the next run: saved only when confirmed. */
  | { outcome: 'needsConfirmation'; visitsErasedNextRun: number; visitsErasedByChange: number };

/** A test mail through alerts.email: sent, or the server's own words (TLS, login, a refused recipient). */
export type TestMailOutcome =
  | { sent: true; to: string[] }
  | { sent: false; reason: 'notConfigured' }
  | { sent: false; reason: 'failed'; stage: string; serverMessage: string };

export const settingsApi = {
  'settings.show': channel<typeof noInput, SettingsView>({ view: 'settings', input: noInput, access: admin }),
  'settings.preview': channel<typeof changesInput, SettingsPreview>({
    view: 'settings',
    input: changesInput,
    access: admin,
  }),
  'settings.save': channel<typeof saveInput, SettingsSaveOutcome>({
    view: 'settings',
    input: saveInput,
    access: admin,
  }),
  'settings.testMail': channel<typeof noInput, TestMailOutcome>({ view: 'settings', input: noInput, access: admin }),
};
