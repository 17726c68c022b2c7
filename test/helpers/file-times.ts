import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { systemClock } from '../../electron/core/clock';

/**
 * File-system timestamps follow the real clock, whatever the kiosk's clock says: for mtimes only
 * (a folder "written an hour ago", files "settled a day later"), never for what a test expects.
 */
export const realNow = (): number => systemClock.now();

export const anHourAgo = (): Date => new Date(realNow() - 3_600_000);

/**
 * What a file written now gets as its mtime: the file system's own clock. Under faketime the
 * process's clock (realNow) is elsewhere and the file system's is not, so "changed in the last
 * seconds" must be asked of the file system.
 */
export function fileSystemNow(): number {
  const probe = path.join(os.tmpdir(), `kiosk-fs-clock-${process.pid}-${threadId}`);
  fs.writeFileSync(probe, '');
  const { mtimeMs } = fs.statSync(probe);
  fs.rmSync(probe, { force: true });
  return mtimeMs;
}
