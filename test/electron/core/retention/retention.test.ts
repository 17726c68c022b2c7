import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../shared/config';
import { missedRun, startScheduler } from '../../../../electron/core/scheduler';
import { createJobRunner } from '../../../../electron/core/jobs';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';
import type { Kiosk } from '../../../../electron/core/kiosk';

const DAY = 24 * 60 * 60 * 1000;

// These tests jump months ahead in one step, where a real kiosk would have run the purge every hour;
// a wide clock-guard margin keeps the guard out of the tests that are not about it.
const jumpingConfig = { ...defaultConfig, retention: { ...defaultConfig.retention, clockGuardDays: 365 } };
const openJumpingKiosk = (clock: ReturnType<typeof manualClock>, dataDir?: string) =>
  openTestKiosk({ clock, config: jumpingConfig, dataDir });

async function signInAt(kiosk: Kiosk, clock: ReturnType<typeof manualClock>, iso: string, firstName: string) {
  clock.set(iso);
  const result = await kiosk.handle('kiosk', 'visits.signIn', visitor({ firstName }));
  if (!result.ok) throw new Error(result.error.key);
  const row = await kiosk.database.get<{ id: number }>('SELECT id FROM visits ORDER BY id DESC LIMIT 1');
  return row!.id;
}

const names = async (kiosk: Kiosk) =>
  (await kiosk.database.all<{ first_name: string }>('SELECT first_name FROM visits ORDER BY id')).map(
    (row) => row.first_name,
  );

describe('the visit purge', () => {
  it('erases every visit whose deadline falls before the next hourly run, and nothing younger', async () => {
    const clock = manualClock('2026-05-24T08:00:00Z');
    const kiosk = await openJumpingKiosk(clock);
    // Deadlines keep the local time of the visit: 09:00 summer time in May is 09:00 winter time in November.
    await signInAt(kiosk, clock, '2026-05-24T07:00:00Z', 'Old'); // 09:00 CEST -> deadline 09:00 CET = 08:00Z
    await signInAt(kiosk, clock, '2026-05-24T07:59:00Z', 'Edge'); // -> 08:59Z, before the next run at 09:00Z
    await signInAt(kiosk, clock, '2026-05-24T08:30:00Z', 'Young'); // -> 09:30Z, after the next run
    await signInAt(kiosk, clock, '2026-11-20T09:00:00Z', 'Recent');
    clock.set('2026-11-24T08:10:00Z');

    const run = await kiosk.retention.run();
    expect(run).toMatchObject({ outcome: 'ok', counts: { due: 2, held: 0, erased: 2 } });
    expect(await names(kiosk)).toEqual(['Young', 'Recent']);
    const audit = await kiosk.audit.list({ action: 'retention.purged' });
    expect(audit).toMatchObject([{ actor: 'system', detail: { due: 2, held: 0, erased: 2 } }]);
    expect(JSON.stringify(audit)).not.toMatch(/Old|Edge|Vries/);
  });

  it('clamps at the month end: a visit on 31 August goes by 28 February', async () => {
    const clock = manualClock('2026-08-31T10:00:00Z');
    const kiosk = await openJumpingKiosk(clock);
    await signInAt(kiosk, clock, '2026-08-31T10:00:00Z', 'August');
    clock.set('2027-02-27T10:30:00Z');
    expect((await kiosk.retention.run()).counts).toMatchObject({ erased: 0 });
    clock.set('2027-02-28T10:30:00Z'); // 28 Feb 11:30 local, past 11:00 + 6 months clamped
    expect((await kiosk.retention.run()).counts).toMatchObject({ erased: 1 });
  });

  it('a dry run counts and erases nothing', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const kiosk = await openJumpingKiosk(clock);
    await signInAt(kiosk, clock, '2026-01-10T10:00:00Z', 'Anna');
    clock.set('2026-08-01T10:00:00Z');
    expect(await kiosk.retention.run({ dryRun: true })).toMatchObject({
      outcome: 'dry-run',
      counts: { due: 1, erased: 0 },
    });
    expect(await names(kiosk)).toEqual(['Anna']);
  });

  it('erased means gone from the bytes of the database file and its WAL', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const dataDir = makeTempDir();
    const kiosk = await openJumpingKiosk(clock, dataDir);
    const files = ['kiosk.sqlite3', 'kiosk.sqlite3-wal'].map((name) => path.join(dataDir, name));
    const bytesContain = (needle: string) =>
      files.some((file) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(needle, 'utf8')));
    clock.set('2026-01-10T10:00:00Z');
    await kiosk.handle(
      'kiosk',
      'visits.signIn',
      visitor({ firstName: 'Quetzalcoatlina', lastName: 'Xylographer', company: 'Zyzzyva BV' }),
    );
    for (let index = 0; index < 50; index++) {
      clock.advance(6_000); // a busy morning, not a flood the public screen would refuse
      await kiosk.handle('kiosk', 'visits.signIn', visitor({ firstName: `Filler${'a'.repeat(index % 20)}` }));
    }
    clock.set('2026-06-01T10:00:00Z');
    await signInAt(kiosk, clock, '2026-06-01T10:00:00Z', 'Stays');
    await kiosk.database.checkpoint();
    expect(bytesContain('Quetzalcoatlina')).toBe(true); // the search finds what is there

    clock.set('2026-07-11T10:00:00Z');
    expect((await kiosk.retention.run()).counts).toMatchObject({ erased: 51 });
    for (const needle of ['Quetzalcoatlina', 'Xylographer', 'Zyzzyva']) expect(bytesContain(needle)).toBe(false);
    expect(bytesContain('Stays')).toBe(true);
  });
});

describe('legal holds on visits', () => {
  it('keep a visit past its deadline until released; after release it goes at the next run', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const kiosk = await openJumpingKiosk(clock);
    const held = await signInAt(kiosk, clock, '2026-01-10T10:00:00Z', 'Held');
    await signInAt(kiosk, clock, '2026-01-10T11:00:00Z', 'Free');
    clock.set('2026-02-01T10:00:00Z');
    const hold = await kiosk.handle('security', 'holds.placeOnVisit', {
      visitId: held,
      reason: 'Police request 2026-118',
      basis: 'legalObligation',
    });
    expect(hold).toMatchObject({ ok: false, error: { key: 'api.unauthenticated' } }); // no session, no hold
    const placed = await kiosk.router.invoke(
      'holds.placeOnVisit',
      { visitId: held, reason: 'Police request 2026-118', basis: 'legalObligation' },
      callers.security,
    );
    if (!placed.ok) throw new Error(placed.error.key);

    clock.set('2026-08-01T10:00:00Z');
    expect((await kiosk.retention.run()).counts).toMatchObject({ due: 2, held: 1, erased: 1 });
    expect(await names(kiosk)).toEqual(['Held']);
    expect((await kiosk.retention.run()).counts).toMatchObject({ held: 1, erased: 0 });

    await kiosk.router.invoke('holds.release', { holdId: placed.value.id }, callers.security);
    clock.advance(60 * 60 * 1000);
    expect((await kiosk.retention.run()).counts).toMatchObject({ erased: 1 });
    expect(await names(kiosk)).toEqual([]);
    // The reason may have named the visitor: it goes with the visit.
    expect(await kiosk.database.all('SELECT reason FROM legal_holds')).toEqual([{ reason: '(erased with the visit)' }]);
    const actions = (await kiosk.audit.list({ action: 'holds.' })).map((entry) => entry.action);
    expect(actions).toEqual(['holds.released', 'holds.placed']);
  });

  it('a hold with an end date protects until that date', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const kiosk = await openJumpingKiosk(clock);
    const id = await signInAt(kiosk, clock, '2026-01-10T10:00:00Z', 'Until');
    await kiosk.router.invoke(
      'holds.placeOnVisit',
      {
        visitId: id,
        reason: 'Insurance claim',
        basis: 'necessaryForActivities',
        endsAt: Date.parse('2026-09-01T00:00:00Z'),
      },
      callers.admin,
    );
    clock.set('2026-08-01T10:00:00Z');
    expect((await kiosk.retention.run()).counts).toMatchObject({ held: 1, erased: 0 });
    clock.set('2026-09-01T00:30:00Z');
    expect((await kiosk.retention.run()).counts).toMatchObject({ held: 0, erased: 1 });
  });

  it('needs a reason, an existing visit and a role that may place it', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const kiosk = await openJumpingKiosk(clock);
    const id = await signInAt(kiosk, clock, '2026-01-10T10:00:00Z', 'Anna');
    expect(
      await kiosk.router.invoke(
        'holds.placeOnVisit',
        { visitId: id, reason: '   ', basis: 'legalObligation' },
        callers.admin,
      ),
    ).toMatchObject({
      error: { fields: { reason: 'hold.reasonRequired' } },
    });
    expect(
      await kiosk.router.invoke(
        'holds.placeOnVisit',
        { visitId: 999, reason: 'x', basis: 'legalObligation' },
        callers.admin,
      ),
    ).toEqual({
      ok: false,
      error: { key: 'visit.unknown' },
    });
    expect(
      await kiosk.router.invoke(
        'holds.placeOnVisit',
        { visitId: id, reason: 'x', basis: 'legalObligation' },
        callers.receptionist,
      ),
    ).toEqual({
      ok: false,
      error: { key: 'api.forbidden' },
    });
    expect(await kiosk.holds.listActive()).toEqual([]);
  });
});

describe('legal holds on a camera over a time range', () => {
  it('need the range to end after it starts', async () => {
    const kiosk = await openJumpingKiosk(manualClock('2026-11-24T10:00:00Z'));
    const hold = (from: string, to: string) =>
      kiosk.router.invoke(
        'holds.placeOnFootage',
        { camera: 'gate', from: Date.parse(from), to: Date.parse(to), reason: 'Incident 18', basis: 'legalObligation' },
        callers.security,
      );
    const refused = { ok: false, error: { key: 'hold.rangeEndNotAfterStart' } };
    expect(await hold('2026-11-20T11:00:00Z', '2026-11-20T09:00:00Z')).toEqual(refused);
    expect(await hold('2026-11-20T09:00:00Z', '2026-11-20T09:00:00Z')).toEqual(refused);
    expect(await kiosk.holds.listActive()).toEqual([]);
    expect(await hold('2026-11-20T09:00:00Z', '2026-11-20T09:01:00Z')).toMatchObject({
      ok: true,
      value: { kind: 'footage-range', camera: 'gate', rangeEnd: Date.parse('2026-11-20T09:01:00Z') },
    });
  });
});

describe('the clock guard', () => {
  it('a clock set far ahead erases nothing and stays blocked, whatever happens next, until an admin confirms', async () => {
    const clock = manualClock('2026-05-01T10:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    await signInAt(kiosk, clock, '2026-05-01T10:00:00Z', 'May');
    expect((await kiosk.retention.run()).outcome).toBe('ok');

    clock.set('2027-11-01T10:00:00Z'); // someone set the year wrong
    const blocked = await kiosk.retention.run();
    expect(blocked).toMatchObject({ outcome: 'blocked', reason: { key: 'run.clockFarAhead' }, counts: {} });
    // A visitor signing in under the wrong clock does not vouch for it, nor does a dry run clear the block.
    await signInAt(kiosk, clock, '2027-11-01T10:05:00Z', 'Wrongclock');
    await kiosk.retention.run({ dryRun: true });
    clock.set('2027-11-01T11:05:00Z');
    expect(await kiosk.retention.run()).toMatchObject({
      outcome: 'blocked',
      reason: { key: 'run.awaitingConfirmation' },
    });
    expect(await names(kiosk)).toEqual(['May', 'Wrongclock']);
    expect((await kiosk.retention.status()).blocked).toMatchObject({
      id: blocked.id,
      reason: { key: 'run.clockFarAhead' },
    });

    clock.set('2026-05-02T10:00:00Z'); // the clock is put right: still blocked until someone confirms
    expect(await kiosk.retention.run()).toMatchObject({
      outcome: 'blocked',
      reason: { key: 'run.awaitingConfirmation' },
    });
    const confirmed = await kiosk.router.invoke('retention.confirmClock', {}, callers.admin);
    expect(confirmed).toMatchObject({ ok: true, value: { outcome: 'ok', counts: { erased: 0 } } });
    expect(await names(kiosk)).toEqual(['May', 'Wrongclock']);
    expect((await kiosk.retention.status()).blocked).toBeNull();
  });

  it('a clock behind the last run blocks too', async () => {
    const clock = manualClock('2026-11-10T10:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    await kiosk.retention.run();
    clock.set('2026-11-08T10:00:00Z');
    expect(await kiosk.retention.run()).toMatchObject({
      outcome: 'blocked',
      reason: { key: 'run.clockBehindLastRun' },
    });
  });

  it('after a long power-off the admin confirms the time and the purge catches up', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    await signInAt(kiosk, clock, '2026-01-10T10:00:00Z', 'Winter');
    expect((await kiosk.retention.run()).outcome).toBe('ok');

    clock.set('2026-09-01T10:00:00Z'); // off since January
    expect((await kiosk.retention.run()).outcome).toBe('blocked');
    expect(await names(kiosk)).toEqual(['Winter']);
    expect(await kiosk.router.invoke('retention.confirmClock', {}, callers.receptionist)).toMatchObject({
      error: { key: 'api.forbidden' },
    });

    const confirmed = await kiosk.router.invoke('retention.confirmClock', {}, callers.admin);
    expect(confirmed).toMatchObject({ ok: true, value: { outcome: 'ok', counts: { erased: 1 } } });
    expect(await names(kiosk)).toEqual([]);
    expect((await kiosk.audit.list({ action: 'retention.clockConfirmed' }))[0]).toMatchObject({ actor: 'Ada' });
    clock.advance(DAY);
    expect((await kiosk.retention.run()).outcome).toBe('ok');
    expect(await kiosk.router.invoke('retention.confirmClock', {}, callers.admin)).toEqual({
      ok: false,
      error: { key: 'retention.notBlocked' },
    });
  });
});

describe('the retention status', () => {
  it('offers the footage purge only where this kiosk deletes footage from a configured folder', async () => {
    const clock = manualClock('2026-11-24T10:00:00Z');
    const root = makeTempDir();
    const purges = async (footage: Partial<typeof defaultConfig.footage>) => {
      const kiosk = await openTestKiosk({
        clock,
        config: { ...defaultConfig, footage: { ...defaultConfig.footage, ...footage } },
      });
      try {
        return (await kiosk.retention.status()).kioskPurgesFootage;
      } finally {
        await kiosk.close();
      }
    };
    expect(await purges({ root })).toBe(true);
    expect(await purges({ root: null })).toBe(false);
    expect(await purges({ root, enforcedBy: 'recorder' })).toBe(false);
    expect(await purges({ root: null, enforcedBy: 'noCameras' })).toBe(false);
  });
});

describe('the scheduler', () => {
  it('never runs one job twice at once, in this process or beside another one', async () => {
    const clock = manualClock('2026-11-24T10:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    const [first, second] = await Promise.all([kiosk.retention.run(), kiosk.retention.run()]);
    expect(first.id).toBe(second.id);
    expect(await kiosk.database.all("SELECT id FROM job_runs WHERE job = 'visitPurge'")).toHaveLength(1);

    // Another live process (here: our parent) holds an open run: this one does not start a second.
    await kiosk.database.run("INSERT INTO job_runs (job, started_at, owner_pid) VALUES ('visitPurge', ?, ?)", [
      clock.now(),
      process.ppid,
    ]);
    const during = await kiosk.retention.run();
    expect(during).toMatchObject({ outcome: null, finishedAt: null });
    expect(await kiosk.database.all("SELECT id FROM job_runs WHERE job = 'visitPurge'")).toHaveLength(2);
    // One whose process is gone was cut off: it no longer blocks, and is recorded as interrupted.
    await kiosk.database.run('UPDATE job_runs SET owner_pid = ? WHERE id = ?', [2 ** 22 + 12345, during.id]);
    expect((await kiosk.retention.run()).outcome).toBe('ok');
    expect((await kiosk.jobs.get(during.id))?.outcome).toBe('failed');
  });

  it('knows a run was missed while the app was off', () => {
    const hourly = { schedule: '0 * * * *' };
    const zone = 'Europe/Amsterdam';
    expect(missedRun(hourly, zone, null, Date.parse('2026-11-24T10:00:00Z'))).toBe(true);
    expect(missedRun(hourly, zone, Date.parse('2026-11-24T09:10:00Z'), Date.parse('2026-11-24T09:50:00Z'))).toBe(false);
    expect(missedRun(hourly, zone, Date.parse('2026-11-24T09:10:00Z'), Date.parse('2026-11-24T10:00:00Z'))).toBe(true);
    const daily = { schedule: '59 23 * * *' };
    expect(missedRun(daily, zone, Date.parse('2026-11-24T22:59:00Z'), Date.parse('2026-11-25T22:58:00Z'))).toBe(false);
    expect(missedRun(daily, zone, Date.parse('2026-11-24T22:59:00Z'), Date.parse('2026-11-26T08:00:00Z'))).toBe(true);
  });

  it('makes up a missed run at start-up, skips one that is not due, and one failing job does not stop another', async () => {
    const clock = manualClock('2026-11-24T10:30:00Z');
    const kiosk = await openTestKiosk({ clock });
    const jobs = createJobRunner({ database: kiosk.database, clock, logError: () => undefined });
    const ran: string[] = [];
    const job = (name: string, lastStartedAt: number | null, fail = false) => ({
      name,
      schedule: '0 * * * *',
      lastStartedAt: async () => lastStartedAt,
      run: () =>
        jobs.run(name, async () => {
          ran.push(name);
          if (fail) throw new Error('disk on fire');
          return { outcome: 'ok' as const, counts: {} };
        }),
    });
    const stop = await startScheduler({
      zone: defaultConfig.timeZone,
      clock,
      jobs: [
        job('missed', Date.parse('2026-11-24T07:00:00Z')),
        job('failing', null, true),
        job('recent', Date.parse('2026-11-24T10:05:00Z')),
        job('never-ran', null),
      ],
    });
    stop();
    await expect.poll(() => ran.sort()).toEqual(['failing', 'missed', 'never-ran']);
    await expect
      .poll(async () => (await jobs.recent()).map((run) => [run.job, run.outcome]).sort())
      .toEqual([
        ['failing', 'failed'],
        ['missed', 'ok'],
        ['never-ran', 'ok'],
      ]);
    expect((await jobs.lastRun('failing'))?.message).toBe('disk on fire');
  });
});
