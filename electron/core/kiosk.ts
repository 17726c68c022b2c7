import fs from 'node:fs';
import path from 'node:path';
import type { KioskConfig } from '../../shared/config';
import { noticeFacts } from '../../shared/notice';
import { systemClock, type Clock } from './clock';
import { loadConfigFile } from './config-file';
import { openDatabase, type Database } from './database';
import { createRouter, type Router } from './router';
import { createVisitsService, type VisitsService } from './visits';

export const DATABASE_FILE_NAME = 'kiosk.sqlite3';

export interface KioskOptions {
  dataDir: string;
  /** Defaults to the data folder's config.json. */
  config?: KioskConfig;
  clock?: Clock;
  /** Where unexpected errors go; they never reach a user. */
  logError?: (error: unknown, context: string) => void;
}

export interface Kiosk {
  config: KioskConfig;
  clock: Clock;
  database: Database;
  visits: VisitsService;
  router: Router;
  close(): Promise<void>;
}

/** The one core behind every shell: Electron, browser mode and the CLI each wrap what this returns. */
export async function createKiosk({
  dataDir,
  config,
  clock = systemClock,
  logError = (error, context) => console.error(`[kiosk] ${context}:`, error),
}: KioskOptions): Promise<Kiosk> {
  // Personal data lives here: readable by the kiosk's own account only.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const effectiveConfig = config ?? loadConfigFile(dataDir);
  const database = await openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  const visits = createVisitsService({ database, clock, config: effectiveConfig });

  const router = createRouter(
    {
      'notice.current': async () => noticeFacts(effectiveConfig),
      'visits.signIn': (input) => visits.signIn(input),
      'visits.signOut': (input) => visits.signOut(input.code, 'kiosk'),
      'visits.today': () => visits.today(),
    },
    (error, channel) => logError(error, `channel ${channel}`),
  );

  return {
    config: effectiveConfig,
    clock,
    database,
    visits,
    router,
    close: () => database.close(),
  };
}
