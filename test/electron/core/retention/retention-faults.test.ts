import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../../../shared/config';
import { noticeVersion } from '../../../../shared/notice';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { repository } from '../../../helpers/footage-child';
import { makeTempDir } from '../../../helpers/temp-dir';
import type { Kiosk } from '../../../../electron/core/kiosk';
import { SCRUB_WAIT } from '../../../../electron/core/retention/visit-retention';

const HOUR = 60 * 60 * 1000;

const withRetention = (retention: Partial<KioskConfig['retention']>): KioskConfig => ({
  ...defaultConfig,
  retention: { ...defaultConfig.retention, ...retention },
});

async function signInAt(kiosk: Kiosk, clock: ReturnType<typeof manualClock>, iso: string, firstName: string) {
  clock.set(iso);
  const result = await kiosk.handle(
    'kiosk',
    'visits.signIn',
    visitor({ firstName, noticeVersion: noticeVersion(kiosk.config) }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (await kiosk.database.get<{ id: number }>('SELECT max(id) AS id FROM visits'))!.id;
}

const names = async (kiosk: Kiosk) =>
  (await kiosk.database.all<{ first_name: string }>('SELECT first_name FROM visits ORDER BY id')).map(
    (row) => row.first_name,
  );

const onSiteNames = async (kiosk: Kiosk) => (await kiosk.visits.onSite()).visits.map((visit) => visit.firstName);

const automaticSignOut = async (kiosk: Kiosk) => {
  const result = await kiosk.router.invoke('retention.run', { job: 'automaticSignOut' }, callers.admin);
  if (!result.ok) throw new Error(result.error.key);
  return result.value;
};

describe('a visit dated after the run’s own now', () => {
  it('is treated as dated now: counted, its deadline runs from now, and it leaves the evacuation list after its day', async () => {
    const clock = manualClock('2030-03-01T09:00:00Z');
    const kiosk = await openTestKiosk({ clock, config: withRetention({ clockGuardDays: 365 }) });
    await signInAt(kiosk, clock, '2030-03-01T09:00:00Z', 'Future'); // the clock read 2030
    await signInAt(kiosk, clock, '2026-11-24T09:03:00Z', 'Today'); // put right; a few minutes' skew is fine
    clock.set('2026-11-24T09:00:00Z');

    const run = await kiosk.retention.run();
    expect(run).toMatchObject({ outcome: 'ok', counts: { futureCorrected: 1, erased: 0 } });
    expect(await kiosk.database.all('SELECT first_name, signed_in_at FROM visits ORDER BY id')).toEqual([
      { first_name: 'Future', signed_in_at: Date.parse('2026-11-24T09:00:00Z') },
      { first_name: 'Today', signed_in_at: Date.parse('2026-11-24T09:03:00Z') },
    ]);
    expect(await onSiteNames(kiosk)).toEqual(['Future', 'Today']);

    clock.set('2026-11-25T08:00:00Z'); // the corrected day has passed
    expect(await automaticSignOut(kiosk)).toMatchObject({ outcome: 'ok', counts: { signedOut: 2 } });
    expect(await onSiteNames(kiosk)).toEqual([]);

    // Six months from when a trusted clock first saw it, not from 2030.
    clock.set('2027-05-24T09:30:00Z');
    expect((await kiosk.retention.run()).counts).toMatchObject({ erased: 2 });
    expect(await names(kiosk)).toEqual([]);
  });

  it('a forward clock jump does not sign everybody out: the automatic sign-out follows the purge’s guard', async () => {
    const clock = manualClock('2026-11-24T08:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    expect((await kiosk.retention.run()).outcome).toBe('ok');
    await signInAt(kiosk, clock, '2026-11-24T09:00:00Z', 'Anna');
    await signInAt(kiosk, clock, '2026-11-24T09:30:00Z', 'Bert');

    clock.set('2027-06-01T12:00:00Z'); // far past everything the kiosk has seen
    expect(await automaticSignOut(kiosk)).toMatchObject({ outcome: 'blocked', reason: { key: 'run.clockFarAhead' } });
    expect(await onSiteNames(kiosk)).toEqual(['Anna', 'Bert']);
    expect(await kiosk.database.all('SELECT signed_out_at FROM visits')).toEqual([
      { signed_out_at: null },
      { signed_out_at: null },
    ]);

    clock.set('2026-11-25T08:00:00Z'); // clock put right: the day ended, they go
    expect(await automaticSignOut(kiosk)).toMatchObject({ outcome: 'ok', counts: { signedOut: 2 } });
  });
});

describe('a reader in another process', () => {
  function startReader(databaseFile: string) {
    const child = spawn(process.execPath, [path.join(repository, 'test/fixtures/hold-read.mjs'), databaseFile], {
      cwd: repository,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const reading = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('reading')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`reader exited with ${code}`)));
    });
    return {
      reading,
      async end() {
        child.stdin.end();
        if (child.exitCode === null) await once(child, 'exit');
      },
    };
  }

  it('keeps the run from being done until the erased names are gone from the bytes; a later run finishes the scrub', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const dataDir = makeTempDir();
    // The same tries and pauses as in production, each a fraction as long: the reader holds on until told.
    const scrubWait = { attempts: SCRUB_WAIT.attempts, waitMs: 100, pauseMs: 20 };
    const kiosk = await openTestKiosk({ clock, dataDir, config: withRetention({ clockGuardDays: 365 }), scrubWait });
    const bytesContain = (needle: string) =>
      fs
        .readdirSync(dataDir)
        .some((name) => fs.readFileSync(path.join(dataDir, name)).includes(Buffer.from(needle, 'utf8')));
    await signInAt(kiosk, clock, '2026-01-10T10:00:00Z', 'Quetzalcoatlina');
    await signInAt(kiosk, clock, '2026-06-01T10:00:00Z', 'Stays');
    await kiosk.database.checkpoint();
    expect(bytesContain('Quetzalcoatlina')).toBe(true);

    const reader = startReader(path.join(dataDir, 'kiosk.sqlite3'));
    try {
      await reader.reading;
      clock.set('2026-07-11T10:00:00Z');
      const run = await kiosk.retention.run();
      expect(run).toMatchObject({
        outcome: 'failed',
        reason: { key: 'run.scrubPending' },
        counts: { erased: 1, scrubPending: 1 },
      });
      expect(await names(kiosk)).toEqual(['Stays']);
      expect(bytesContain('Quetzalcoatlina')).toBe(true); // what the audit calls erased is still on disk
      expect(await kiosk.retention.scrubPending()).toEqual({ since: Date.parse('2026-07-11T10:00:00Z') });

      clock.advance(HOUR); // nothing new to erase, the reader still reads: still pending, since the first time
      expect(await kiosk.retention.run()).toMatchObject({ outcome: 'failed', counts: { erased: 0, scrubPending: 1 } });
      expect(await kiosk.retention.scrubPending()).toEqual({ since: Date.parse('2026-07-11T10:00:00Z') });
    } finally {
      await reader.end();
    }

    clock.advance(HOUR);
    expect(await kiosk.retention.run()).toMatchObject({ outcome: 'ok', counts: { erased: 0, scrubPending: 0 } });
    expect(await kiosk.retention.scrubPending()).toBeNull();
    expect(bytesContain('Quetzalcoatlina')).toBe(false);
    expect(bytesContain('Stays')).toBe(true);
  }, 60_000);
});

describe('the period a visitor was shown', () => {
  it('is the longest they are kept: shown 3 months, the setting raised to 6, erased after 3', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const dataDir = makeTempDir();
    const three = await openTestKiosk({
      clock,
      dataDir,
      config: withRetention({ visitMonths: 3, clockGuardDays: 365 }),
    });
    await signInAt(three, clock, '2026-01-10T10:00:00Z', 'Shownthree');
    await three.close();

    const six = await openTestKiosk({ clock, dataDir, config: withRetention({ visitMonths: 6, clockGuardDays: 365 }) });
    await signInAt(six, clock, '2026-01-10T11:00:00Z', 'Shownsix');
    clock.set('2026-04-10T09:30:00Z'); // 11:30 local: past 10:00Z + 3 months
    expect((await six.retention.run()).counts).toMatchObject({ due: 1, erased: 1 });
    expect(await names(six)).toEqual(['Shownsix']);
    expect((await six.retention.status()).nextVisitDeadline).toBe(Date.parse('2026-07-10T10:00:00Z')); // 12:00 CET -> 12:00 CEST;
  });

  it("a shorter period long past: held ones counted and kept, the rest erased, today's period untouched", async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const dataDir = makeTempDir();
    const three = await openTestKiosk({
      clock,
      dataDir,
      config: withRetention({ visitMonths: 3, clockGuardDays: 365 }),
    });
    await signInAt(three, clock, '2026-01-10T10:00:00Z', 'Goes');
    const heldId = await signInAt(three, clock, '2026-01-10T10:05:00Z', 'Held');
    await three.close();
    const six = await openTestKiosk({ clock, dataDir, config: withRetention({ visitMonths: 6, clockGuardDays: 365 }) });
    await signInAt(six, clock, '2026-01-10T11:00:00Z', 'Shownsix');
    const placed = await six.router.invoke(
      'holds.placeOnVisit',
      { visitId: heldId, reason: 'Police request 2026-201', basis: 'legalObligation' },
      callers.security,
    );
    if (!placed.ok) throw new Error(placed.error.key);
    clock.set('2026-05-20T10:00:00Z'); // weeks past 3 months, weeks before 6
    expect((await six.retention.run({ dryRun: true })).counts).toMatchObject({ due: 2, held: 1, erased: 0 });
    expect((await six.retention.run()).counts).toMatchObject({ due: 2, held: 1, erased: 1 });
    expect(await names(six)).toEqual(['Held', 'Shownsix']);
  });

  it('a lowered setting shortens it', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const dataDir = makeTempDir();
    const six = await openTestKiosk({ clock, dataDir, config: withRetention({ visitMonths: 6, clockGuardDays: 365 }) });
    await signInAt(six, clock, '2026-01-10T10:00:00Z', 'Shownsix');
    await six.close();
    const two = await openTestKiosk({ clock, dataDir, config: withRetention({ visitMonths: 2, clockGuardDays: 365 }) });
    clock.set('2026-03-10T09:30:00Z');
    expect((await two.retention.run()).counts).toMatchObject({ erased: 1 });
  });
});

describe('visit ids', () => {
  it('are never reused once the table empties', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const kiosk = await openTestKiosk({ clock, config: withRetention({ clockGuardDays: 365 }) });
    await signInAt(kiosk, clock, '2026-01-10T10:00:00Z', 'One');
    const last = await signInAt(kiosk, clock, '2026-01-10T10:05:00Z', 'Two');
    clock.set('2026-07-11T10:00:00Z');
    expect((await kiosk.retention.run()).counts).toMatchObject({ erased: 2 });
    expect(await names(kiosk)).toEqual([]);
    expect(await signInAt(kiosk, clock, '2026-07-11T10:05:00Z', 'Three')).toBeGreaterThan(last);
  });
});

describe('the sign-out code', () => {
  const codeOf = async (kiosk: Kiosk, firstName: string) =>
    (await kiosk.database.get<{ sign_out_code: string | null }>(
      'SELECT sign_out_code FROM visits WHERE first_name = ?',
      [firstName],
    ))!.sign_out_code;

  it('is cleared at sign-out, by code, by staff and automatically; a repeat the same day still hears "already signed out"', async () => {
    const clock = manualClock('2026-11-24T09:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    const signIn = async (firstName: string) => {
      const result = await kiosk.router.invoke('visits.signIn', visitor({ firstName }), callers.kiosk);
      if (!result.ok) throw new Error(result.error.key);
      return result.value.signOutCode;
    };
    const annaCode = await signIn('Anna');
    await signIn('Bert');
    await signIn('Cor');
    expect(await codeOf(kiosk, 'Anna')).toBe(annaCode);

    expect((await kiosk.handle('kiosk', 'visits.signOut', { code: annaCode })).ok).toBe(true);
    expect(await codeOf(kiosk, 'Anna')).toBeNull();
    expect(await kiosk.handle('kiosk', 'visits.signOut', { code: annaCode })).toMatchObject({
      ok: false,
      error: { key: 'visit.alreadySignedOut' },
    });

    const bert = (await kiosk.database.get<{ id: number }>("SELECT id FROM visits WHERE first_name = 'Bert'"))!.id;
    expect((await kiosk.router.invoke('visits.signOutById', { visitId: bert }, callers.receptionist)).ok).toBe(true);
    expect(await codeOf(kiosk, 'Bert')).toBeNull();

    clock.set('2026-11-25T08:00:00Z');
    expect(await automaticSignOut(kiosk)).toMatchObject({ counts: { signedOut: 1 } });
    expect(await codeOf(kiosk, 'Cor')).toBeNull();
    // Spent codes are kept for their day only, linked to no one.
    expect(await kiosk.database.all('SELECT * FROM spent_sign_out_codes')).toEqual([]);
  });
});

describe('the audit log and job-run records', () => {
  it('are kept for their own period (default two years), enforced by the visit purge', async () => {
    expect(defaultConfig.retention.recordMonths).toBe(24);
    const clock = manualClock('2026-01-10T10:00:00Z');
    const kiosk = await openTestKiosk({ clock, config: withRetention({ clockGuardDays: 365 }) });
    await kiosk.audit.record(callers.admin, 'staff.signedIn');
    await kiosk.retention.run();
    clock.set('2026-12-10T10:00:00Z');
    await kiosk.retention.run();
    await kiosk.audit.record(callers.admin, 'staff.signedIn');
    clock.set('2027-06-10T10:00:00Z');
    expect((await kiosk.retention.run()).counts).toMatchObject({ auditErased: 0, jobRunsErased: 0 });
    clock.set('2028-01-10T10:30:00Z'); // two years and a bit after the first records
    const run = await kiosk.retention.run();
    expect(run).toMatchObject({ outcome: 'ok', counts: { auditErased: 2, jobRunsErased: 1 } });
    const auditTimes = (await kiosk.database.all<{ at: number }>('SELECT at FROM audit_log ORDER BY at')).map(
      (row) => row.at,
    );
    expect(Math.min(...auditTimes)).toBeGreaterThanOrEqual(Date.parse('2026-12-10T10:00:00Z'));
    expect(
      await kiosk.database.all('SELECT started_at FROM job_runs WHERE started_at < ?', [
        Date.parse('2026-02-01T00:00:00Z'),
      ]),
    ).toEqual([]);
  });
});
