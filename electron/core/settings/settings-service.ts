import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {
  ChangedSetting,
  SettingChange,
  SettingsEffects,
  SettingsPreview,
  SettingsSaveOutcome,
  SettingsView,
} from '../../../shared/api/settings';
import type { KioskConfig } from '../../../shared/config';
import { noticeFacts } from '../../../shared/notice';
import {
  auditedValue,
  changedKeys,
  HIDDEN_SECRET,
  isConfigPath,
  SECRET_KEYS,
  valueAt,
  withSecretsHidden,
  withValueAt,
} from '../../../shared/settings/config-paths';
import type { SettingProblem } from '../../../shared/settings/setting-problems';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { CONFIG_FILE_NAME, validateConfig } from '../config-file';
import { nextRunAfter } from '../cron-time';
import type { Database } from '../database';
import { inspectRecorders } from '../footage/inspect-recorders';
import { purgeExpiredVisits } from '../retention/visit-purge';
import { configText, fileStamp, writeConfigAtomically } from './config-writer';
import { sendTestMail } from './test-mail';

// A preview walks at most this many files of a new footage root: enough to see the layout.
const PREVIEW_MAX_FILES = 20_000;
const WATCH_SETTLE_MS = 300;
const RECORDER_KEYS = ['footage.root', 'footage.recorder', 'footage.recorderZone', 'footage.patterns', 'timeZone'];

/** A hand edit of config.json the kiosk could not apply: it keeps running on the last good settings. */
export interface RefusedConfigFile {
  at: number;
  problems: SettingProblem[];
}

export interface SettingsServiceOptions {
  dataDir: string;
  /** The kiosk's live configuration: every service reads it, and a change replaces its groups in place. */
  config: KioskConfig;
  clock: Clock;
  audit: AuditLog;
  database: Database;
  logError: (error: unknown, context: string) => void;
}

const jsonEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
// The hash of the file as a kiosk process last wrote it (and audited the change): another running
// kiosk that reads that file applies it without auditing the same change a second time.
const WRITTEN_KEY = 'settings.writtenHash';
const hashOf = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

export function createSettingsService({ dataDir, config, clock, audit, database, logError }: SettingsServiceOptions) {
  const file = path.join(dataDir, CONFIG_FILE_NAME);
  let knownStamp = fileStamp(file);
  let refused: RefusedConfigFile | null = null;
  // What re-plans on a change (the running kiosk's scheduler, footage checks); the rest reads the config per call.
  const appliedListeners: ((previous: KioskConfig, next: KioskConfig) => void)[] = [];
  // One change at a time: a save and a hand edit noticed at once must not interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  /** The file as written, when it is a valid configuration; else the settings in force. */
  function currentRaw(): unknown {
    try {
      const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (validateConfig(raw, clock).ok) return raw;
    } catch {
      // missing or not JSON: the settings in force are the base
    }
    return structuredClone(config);
  }

  function apply(next: KioskConfig): void {
    const previous = structuredClone(config);
    for (const key of Object.keys(next) as (keyof KioskConfig)[]) (config as Record<string, unknown>)[key] = next[key];
    for (const listener of appliedListeners) listener(previous, config);
  }

  function changedSettings(before: unknown, after: unknown): ChangedSetting[] {
    return changedKeys(before, after).map((key) => ({
      key,
      before: auditedValue(key, valueAt(before, key)),
      after: auditedValue(key, valueAt(after, key)),
    }));
  }

  /** The raw file with the changes made; a secret given back as HIDDEN_SECRET keeps its stored value. */
  function withChanges(changes: SettingChange[]): { raw: unknown; problems: SettingProblem[] } {
    let raw = currentRaw();
    const problems: SettingProblem[] = [];
    for (const { key, value } of changes) {
      if (!isConfigPath(key)) {
        problems.push({ key, code: 'unknownKey', message: 'is not a setting' });
        continue;
      }
      let next = withValueAt(raw, key, value);
      for (const secret of SECRET_KEYS) {
        if (valueAt(next, secret) === HIDDEN_SECRET) next = withValueAt(next, secret, valueAt(config, secret));
      }
      raw = next;
    }
    return { raw, problems };
  }

  async function visitsErasedNextRun(candidate: KioskConfig): Promise<number> {
    const now = clock.now();
    const nextRunAt = nextRunAfter(candidate.schedules.visitPurge, candidate.timeZone, now);
    const counts = await database.transaction((tx) =>
      purgeExpiredVisits(tx, { config: candidate, now, nextRunAt, dryRun: true }),
    );
    return counts.due - counts.held;
  }

  async function effectsOf(candidate: KioskConfig, keys: string[]): Promise<SettingsEffects> {
    const effects: SettingsEffects = {
      visitsErasedNextRun: null,
      visitsErasedByChange: null,
      notice: null,
      recorders: null,
    };
    if (keys.some((key) => key.startsWith('retention.') || key === 'schedules.visitPurge' || key === 'timeZone')) {
      const after = await visitsErasedNextRun(candidate);
      const before = await visitsErasedNextRun(config);
      effects.visitsErasedNextRun = after;
      effects.visitsErasedByChange = Math.max(0, after - before);
    }
    const noticeBefore = noticeFacts(config);
    const noticeAfter = noticeFacts(candidate);
    if (!jsonEqual(noticeBefore, noticeAfter)) effects.notice = { before: noticeBefore, after: noticeAfter };
    if (keys.some((key) => RECORDER_KEYS.some((prefix) => key.startsWith(prefix))) && candidate.footage.root) {
      try {
        effects.recorders = {
          inspection: await inspectRecorders(candidate, candidate.footage.root, { maxFiles: PREVIEW_MAX_FILES }),
        };
      } catch (error) {
        effects.recorders = { error: 'recorders.rootUnavailable', detail: (error as Error).message };
      }
    }
    return effects;
  }

  async function preview(
    changes: SettingChange[],
  ): Promise<SettingsPreview & { candidate?: KioskConfig; raw?: unknown }> {
    const { raw, problems } = withChanges(changes);
    if (problems.length > 0) return { valid: false, problems };
    const checked = validateConfig(raw, clock);
    if (!checked.ok) return { valid: false, problems: checked.problems };
    const changed = changedSettings(config, checked.config);
    const effects = await effectsOf(
      checked.config,
      changed.map((change) => change.key),
    );
    const needsConfirmation = checked.config.retention.visitMonths < config.retention.visitMonths;
    return { valid: true, changed, effects, needsConfirmation, candidate: checked.config, raw };
  }

  async function record(actor: AuditActor, source: 'app' | 'file', changed: ChangedSetting[]) {
    for (const change of changed)
      await audit.record(actor, 'settings.changed', {
        key: change.key,
        before: change.before,
        after: change.after,
        source,
      });
  }

  /** Reads config.json again when it changed on disk since last seen: applied, or refused with an alarm. */
  function reloadIfChanged(): Promise<void> {
    return serially(async () => {
      const stamp = fileStamp(file);
      if (stamp === knownStamp) return;
      knownStamp = stamp;
      if (stamp === null) return; // removed: the settings in force stay; the next save writes it again
      let raw: unknown;
      let fileText: string;
      try {
        fileText = fs.readFileSync(file, 'utf8');
        raw = JSON.parse(fileText);
      } catch (error) {
        await refuse([{ key: '', code: 'format', message: `is not valid JSON: ${(error as Error).message}` }]);
        return;
      }
      const checked = validateConfig(raw, clock);
      if (!checked.ok) {
        await refuse(checked.problems);
        return;
      }
      const wasRefused = refused !== null;
      refused = null;
      const changed = changedSettings(config, checked.config);
      if (changed.length === 0) {
        if (wasRefused) await audit.record('system', 'settings.fileAccepted', { changes: 0 });
        return;
      }
      apply(checked.config);
      const written = await database.get<{ value: string }>('SELECT value FROM app_state WHERE key = ?', [WRITTEN_KEY]);
      if (written?.value !== hashOf(fileText)) await record('system', 'file', changed);
    });
  }

  async function refuse(problems: SettingProblem[]) {
    refused = { at: refused?.at ?? clock.now(), problems };
    await audit.record('system', 'settings.fileRefused', {
      problem: problems.map((problem) => `${problem.key || '(file)'}: ${problem.message}`).join('; '),
    });
  }

  return {
    file,

    show(): SettingsView {
      return { config: withSecretsHidden(structuredClone(config)), file };
    },

    async preview(changes: SettingChange[]): Promise<SettingsPreview> {
      await reloadIfChanged();
      const result = await preview(changes);
      if (!result.valid) return { valid: false, problems: result.problems };
      const { changed, effects, needsConfirmation } = result;
      return { valid: true, changed, effects, needsConfirmation };
    },

    /** Validates, asks for confirmation where the promise shortens, writes the file, applies, audits. */
    save(actor: AuditActor, changes: SettingChange[], confirmed: boolean): Promise<SettingsSaveOutcome> {
      return reloadIfChanged().then(() =>
        serially(async (): Promise<SettingsSaveOutcome> => {
          const result = await preview(changes);
          if (!result.valid) return { outcome: 'invalid', problems: result.problems };
          if (result.needsConfirmation && !confirmed)
            return {
              outcome: 'needsConfirmation',
              visitsErasedNextRun: result.effects.visitsErasedNextRun ?? 0,
              visitsErasedByChange: result.effects.visitsErasedByChange ?? 0,
            };
          if (result.changed.length === 0) return { outcome: 'saved', changed: [] };
          // The hash first: a kiosk that sees the new file then knows this process audits the change.
          const text = configText(result.raw);
          await database.run(
            'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
            [WRITTEN_KEY, hashOf(text)],
          );
          writeConfigAtomically(file, text);
          knownStamp = fileStamp(file);
          refused = null;
          apply(result.candidate!);
          await record(actor, 'app', result.changed);
          return { outcome: 'saved', changed: result.changed };
        }),
      );
    },

    testMail: () => sendTestMail(config),

    reloadIfChanged,

    onApplied(listener: (previous: KioskConfig, next: KioskConfig) => void): void {
      appliedListeners.push(listener);
    },

    /** The hand edit last refused, while it is what the file holds. */
    refusedFile: (): RefusedConfigFile | null => refused,

    /** Notices hand edits as they happen (the check on each call catches what a watch misses). */
    watch(): () => void {
      let watcher: fs.FSWatcher;
      let settle: NodeJS.Timeout | null = null;
      try {
        watcher = fs.watch(dataDir, (_event, name) => {
          if (name !== null && name !== CONFIG_FILE_NAME) return;
          // An editor writes in steps: read the file once it has been still for a moment.
          if (settle) clearTimeout(settle);
          settle = setTimeout(() => {
            settle = null;
            void reloadIfChanged().catch((error: unknown) => logError(error, 'config.json reload'));
          }, WATCH_SETTLE_MS);
          settle.unref();
        });
      } catch (error) {
        logError(error, 'config.json watch');
        return () => undefined;
      }
      watcher.on('error', (error) => logError(error, 'config.json watch'));
      watcher.unref();
      return () => {
        if (settle) clearTimeout(settle);
        watcher.close();
      };
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
