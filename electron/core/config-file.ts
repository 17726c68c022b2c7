import fs from 'node:fs';
import path from 'node:path';
import { checkConfig, defaultConfig, type KioskConfig } from '../../shared/config';
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
  const checked = checkConfig(parsed);
  if (!checked.ok) throw new ConfigError(`${file} is not a valid configuration: ${checked.problems.join('; ')}`);
  try {
    for (const [name, expression] of Object.entries(checked.config.schedules)) {
      assertValidSchedule(name, expression);
      assertRunsDaily(name, expression, checked.config.timeZone, clock.now());
    }
  } catch (error) {
    if (error instanceof InvalidScheduleError)
      throw new ConfigError(`${file} is not a valid configuration: ${error.message}`);
    throw error;
  }
  return checked.config;
}
