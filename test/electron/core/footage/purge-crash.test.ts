import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../shared/config';
import { createKiosk } from '../../../../electron/core/kiosk';
import { manualClock } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../../../..');
const NOW = '2026-11-24T10:00:00Z';
const ROWS_PER_HALF = 150_000;
const OLD = "SELECT count(*) AS n FROM visits WHERE first_name LIKE 'Old%'";
const NEW_FINGERPRINT = `SELECT count(*) AS n, sum(length(first_name) + signed_in_at % 1000) AS sum FROM visits WHERE first_name LIKE 'New%'`;

function insertVisits(prefix: string, firstAt: number) {
  return `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS_PER_HALF})
    INSERT INTO visits (first_name, last_name, company, notice_version, signed_in_at, signed_out_at, sign_out_method, sign_out_code)
    SELECT '${prefix}' || i, 'Visitor', 'ACME', '1-6m-28d', ${firstAt} + i * 20000, ${firstAt} + i * 20000 + 3600000, 'kiosk', 'C' || i FROM n;`;
}

/** A data folder with half its visits past their deadline and half within it. */
async function prepare() {
  const dataDir = makeTempDir();
  const setup = await createKiosk({
    dataDir,
    config: defaultConfig,
    clock: manualClock(NOW),
    logError: () => undefined,
  });
  await setup.database.exec(insertVisits('Old', Date.parse('2025-01-01T00:00:00Z')));
  await setup.database.exec(insertVisits('New', Date.parse('2026-10-01T00:00:00Z')));
  const fingerprint = await setup.database.get(NEW_FINGERPRINT);
  await setup.close();
  return { dataDir, fingerprint };
}

/**
 * Runs the purge child and SIGKILLs it once it prints `signal` (it freezes there until killed);
 * returns what it printed. The kill lands at that point of the purge on any machine.
 */
function runAndKill(dataDir: string, mode: string, signal: string): Promise<string> {
  // One process (node with tsx's loader, not the tsx wrapper), so the kill lands on the purge itself.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'test/fixtures/purge-child.ts'), dataDir, mode],
    {
      cwd: root,
      env: { ...process.env, KIOSK_NOW: NOW },
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes(signal)) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve(output));
    child.on('error', reject);
  });
}

async function expectConsistentThenFinished(dataDir: string, fingerprint: unknown, oldAfterKill: number[]) {
  // The child's clock ran on from NOW while it worked.
  const after = await createKiosk({
    dataDir,
    config: defaultConfig,
    clock: manualClock('2026-11-24T10:05:00Z'),
    logError: () => undefined,
  });
  try {
    expect(await after.database.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
    expect(oldAfterKill).toContain((await after.database.get<{ n: number }>(OLD))!.n);
    expect(await after.database.get(NEW_FINGERPRINT)).toEqual(fingerprint);
    expect((await after.retention.run()).outcome).toBe('ok');
    expect((await after.database.get<{ n: number }>(OLD))!.n).toBe(0);
    expect(await after.database.get(NEW_FINGERPRINT)).toEqual(fingerprint);
  } finally {
    await after.close();
  }
}

describe('a purge killed halfway', () => {
  it('killed after erasing but before committing: every visit is intact, and the next run finishes the work', async () => {
    const { dataDir, fingerprint } = await prepare();
    const output = await runAndKill(dataDir, 'hold-commit', 'erased-uncommitted');
    expect(output).toBe(`erased-uncommitted ${ROWS_PER_HALF}\n`);
    await expectConsistentThenFinished(dataDir, fingerprint, [ROWS_PER_HALF]);
  }, 60_000);

  it('killed after committing but before the checkpoint: the erased visits stay erased, the rest intact', async () => {
    const { dataDir, fingerprint } = await prepare();
    const output = await runAndKill(dataDir, 'hold-checkpoint', 'committed');
    expect(output).toBe('purging\ncommitted\n'); // it died during the run, not after it
    await expectConsistentThenFinished(dataDir, fingerprint, [0]);
  }, 60_000);
});
