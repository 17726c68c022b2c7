import fs from 'node:fs';
import path from 'node:path';
import { defaultConfig, kioskConfigSchema, type KioskConfig } from '../../shared/config';
import { describeProblem, problemsFromIssues, type SettingProblem } from '../../shared/settings/setting-problems';
import type { Clock } from './clock';
import { assertRunsDaily, assertValidSchedule, InvalidScheduleError } from './cron-time';

export const CONFIG_FILE_NAME = 'config.json';

export class ConfigError extends Error {}

/**
 * Reads config.json from the data folder, validated by the shared schema. A missing file is written
 * with the defaults, so an IT admin finds every setting in one place to edit.
 */
export function loadConfigFile(dataDir: string, clock: Clock): KioskConfig {
  const file = path.join(dataDir, CONFIG_FILE_NAME);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, `${JSON.stringify(defaultConfig, null, 2)}\n`, { mode: 0o600 });
    return defaultConfig;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const checked = validateConfig(parsed, clock);
  if (!checked.ok)
    throw new ConfigError(`${file} is not a valid configuration: ${checked.problems.map(describeProblem).join('; ')}`);
  return checked.config;
}

export type ConfigValidation = { ok: true; config: KioskConfig } | { ok: false; problems: SettingProblem[] };

/**
 * The whole check config.json gets, at load and for every change made while the kiosk runs: the
 * shared schema, then each schedule a valid cron expression that runs every day.
 */
export function validateConfig(value: unknown, clock: Clock): ConfigValidation {
  const parsed = kioskConfigSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: problemsFromIssues(parsed.error.issues) };
  const config = parsed.data;
  for (const [name, expression] of Object.entries(config.schedules)) {
    try {
      assertValidSchedule(name, expression);
      assertRunsDaily(name, expression, config.timeZone, clock.now());
    } catch (error) {
      if (!(error instanceof InvalidScheduleError)) throw error;
      const message = error.message.replace(/^schedules\.\w+: /, '');
      return { ok: false, problems: [{ key: `schedules.${name}`, code: 'format', message }] };
    }
  }
  return { ok: true, config };
}
