import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEachTest } from './after-each-test';

const created: string[] = [];

/**
 * Where test folders go: a memory file system (/dev/shm) where there is one with room, else the OS
 * temp dir. The kiosk's database commits with synchronous=FULL, and on a disk every commit then waits
 * for its fsync; no test here can check what survives a power cut, so they need not wait for it. The
 * files are real files all the same, and a busy disk no longer slows every test that writes.
 */
const base = (() => {
  const memory = '/dev/shm';
  try {
    fs.accessSync(memory, fs.constants.W_OK);
    const { bavail, bsize } = fs.statfsSync(memory);
    if (bavail * bsize >= 2 * 1024 ** 3) return memory;
  } catch {
    // No /dev/shm (not Linux) or not writable: the OS temp dir.
  }
  return os.tmpdir();
})();

/** A fresh folder for this test, removed after it. */
export function makeTempDir(prefix = 'kiosk-test-'): string {
  const dir = fs.mkdtempSync(path.join(base, prefix));
  created.push(dir);
  return dir;
}

afterEachTest(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
