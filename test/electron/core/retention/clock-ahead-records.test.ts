// Issue 20: a clock that ran ahead never lengthens a stay, of the audit rows and run records it wrote
// either: once the clock is confirmed they are dated at the last good run, as its visits are.
import { expect, it } from 'vitest';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';

it('re-dates the audit rows and run records written while the clock was a year ahead to the last good run', async () => {
  const clock = manualClock('2026-03-02T08:00:00Z');
  const kiosk = await openTestKiosk({ clock });
  expect((await kiosk.retention.run()).outcome).toBe('ok'); // the last good run
  const lastGood = Date.parse('2026-03-02T08:00:00Z');
  clock.set('2027-03-02T09:30:00Z'); // a year ahead: an audited step and a (blocked) run are written
  await kiosk.audit.record('system', 'test.writtenAhead', {});
  expect((await kiosk.retention.run()).outcome).toBe('blocked');
  const ahead = Date.parse('2026-03-02T12:00:00Z');
  expect(
    (await kiosk.database.get<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE at > ?', [ahead]))!.n,
  ).toBeGreaterThan(0);
  expect(
    (await kiosk.database.get<{ n: number }>('SELECT count(*) AS n FROM job_runs WHERE started_at > ?', [ahead]))!.n,
  ).toBeGreaterThan(0);

  clock.set('2026-03-23T10:00:00Z'); // put right three weeks later, and confirmed by an admin
  expect(await kiosk.router.invoke('retention.confirmClock', {}, callers.admin)).toMatchObject({ ok: true });
  const now = Date.parse('2026-03-23T10:00:00Z');
  const audit = await kiosk.database.all<{ action: string; at: number }>('SELECT action, at FROM audit_log');
  expect(audit.filter((row) => row.at > now)).toEqual([]);
  expect(audit.find((row) => row.action === 'test.writtenAhead')!.at).toBe(lastGood);
  const runs = await kiosk.database.all<{ started_at: number; finished_at: number | null }>(
    'SELECT started_at, finished_at FROM job_runs',
  );
  expect(runs.filter((run) => run.started_at > now || (run.finished_at ?? 0) > now)).toEqual([]);
  expect(runs.filter((run) => run.started_at === lastGood).length).toBeGreaterThan(1);
});
