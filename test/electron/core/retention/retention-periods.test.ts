import { describe, expect, it } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../../../shared/config';
import { noticeVersion } from '../../../../shared/notice';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';
import type { Kiosk } from '../../../../electron/core/kiosk';

// The table of the retention periods shown to visitors still stored (migration 0023), which the purge
// reads instead of the visits: never missing a period a stored visit was shown, nor the day it was.

const months = (visitMonths: number): KioskConfig => ({
  ...defaultConfig,
  retention: { ...defaultConfig.retention, visitMonths, clockGuardDays: 365 },
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

const periods = (kiosk: Kiosk) =>
  kiosk.database.all<{ months: number; shown_until: number }>(
    'SELECT months, shown_until FROM visit_retention_periods ORDER BY months',
  );

const names = async (kiosk: Kiosk) =>
  (await kiosk.database.all<{ first_name: string }>('SELECT first_name FROM visits ORDER BY id')).map(
    (row) => row.first_name,
  );

const endOfDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('the retention periods shown', () => {
  it('are recorded at sign-in with the day, not the moment; a correction and an erasure request leave them a superset', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const dataDir = makeTempDir();
    const three = await openTestKiosk({ clock, dataDir, config: months(3) });
    const anna = await signInAt(three, clock, '2026-01-10T10:00:00Z', 'Anna');
    expect(await periods(three)).toEqual([{ months: 3, shown_until: endOfDay('2026-01-11') }]);
    const bert = await signInAt(three, clock, '2026-01-12T23:30:00Z', 'Bert');
    expect(await periods(three)).toEqual([{ months: 3, shown_until: endOfDay('2026-01-13') }]);

    const corrected = await three.router.invoke(
      'privacy.correctVisit',
      { visitId: anna, lastName: 'Jansen' },
      callers.privacy,
    );
    expect(corrected.ok).toBe(true);
    const erased = await three.router.invoke(
      'privacy.eraseVisits',
      { visitIds: [bert], reason: 'art. 17' },
      callers.privacy,
    );
    expect(erased).toEqual({ ok: true, value: { erased: 1, erasedExpected: 0 } });
    // Bert is gone, his day stays until the purge is past it: a listed period may have no visit left.
    expect(await periods(three)).toEqual([{ months: 3, shown_until: endOfDay('2026-01-13') }]);
    await three.close();

    const six = await openTestKiosk({ clock, dataDir, config: months(6) });
    clock.set('2026-04-11T10:00:00Z'); // the corrected visit is past its 3 months, under today's 6
    expect((await six.retention.run()).counts).toMatchObject({ due: 1, erased: 1 });
    expect(await names(six)).toEqual([]);
    expect(await periods(six)).toEqual([{ months: 3, shown_until: endOfDay('2026-01-13') }]);

    clock.set('2026-07-14T10:00:00Z'); // 6 months past Bert's day: nothing it could stand for is left
    expect((await six.retention.run()).counts).toMatchObject({ due: 0, erased: 0 });
    expect(await periods(six)).toEqual([]);
  });

  it('a shorter period is kept while a held visit was shown it, and goes with that visit', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const dataDir = makeTempDir();
    const three = await openTestKiosk({ clock, dataDir, config: months(3) });
    await signInAt(three, clock, '2026-01-10T10:00:00Z', 'Goes');
    const heldId = await signInAt(three, clock, '2026-01-10T10:05:00Z', 'Held');
    await three.close();
    const six = await openTestKiosk({ clock, dataDir, config: months(6) });
    await signInAt(six, clock, '2026-01-10T11:00:00Z', 'Stays');
    const placed = await six.router.invoke(
      'holds.placeOnVisit',
      { visitId: heldId, reason: 'Police request 2026-201', basis: 'legalObligation' },
      callers.security,
    );
    if (!placed.ok) throw new Error(placed.error.key);
    const shown = [
      { months: 3, shown_until: endOfDay('2026-01-11') },
      { months: 6, shown_until: endOfDay('2026-01-11') },
    ];
    expect(await periods(six)).toEqual(shown);

    clock.set('2026-04-20T10:00:00Z');
    expect((await six.retention.run()).counts).toMatchObject({ due: 2, held: 1, erased: 1 });
    expect(await names(six)).toEqual(['Held', 'Stays']);
    expect(await periods(six)).toEqual(shown);

    clock.set('2026-07-20T10:00:00Z'); // everyone is past 6 months
    expect((await six.retention.run({ dryRun: true })).counts).toMatchObject({ due: 2, held: 1 });
    expect(await periods(six)).toEqual(shown); // a dry run changes nothing
    expect((await six.retention.run()).counts).toMatchObject({ due: 2, held: 1, erased: 1 });
    expect(await names(six)).toEqual(['Held']);
    expect(await periods(six)).toEqual([{ months: 3, shown_until: endOfDay('2026-01-11') }]);

    const released = await six.router.invoke('holds.release', { holdId: placed.value.id }, callers.security);
    expect(released.ok).toBe(true);
    // Its deadline is still its own 3 months (10 January 11:05 local + 3 months), not today's 6.
    expect((await six.retention.status()).nextVisitDeadline).toBe(Date.parse('2026-04-10T09:05:00Z'));
    expect((await six.retention.run()).counts).toMatchObject({ due: 1, held: 0, erased: 1 });
    expect(await names(six)).toEqual([]);
    expect(await periods(six)).toEqual([]);
  });

  it('follow a period or sign-in time written by hand, and a visit re-dated from the future', async () => {
    const clock = manualClock('2030-03-01T09:00:00Z');
    const kiosk = await openTestKiosk({ clock, config: months(6) });
    await signInAt(kiosk, clock, '2030-03-01T09:00:00Z', 'Future'); // a clock years ahead
    await kiosk.database.run(
      `INSERT INTO visits (first_name, last_name, notice_version, signed_in_at, sign_out_code)
       VALUES ('Hand', 'Written', '1-6m-28d', ?, 'HANDWR')`,
      [Date.parse('2026-11-01T09:00:00Z')],
    );
    expect(await periods(kiosk)).toEqual([{ months: 6, shown_until: endOfDay('2030-03-02') }]);
    await kiosk.database.run("UPDATE visits SET retention_months = 2 WHERE first_name = 'Hand'");
    await kiosk.database.run("UPDATE visits SET signed_in_at = ? WHERE first_name = 'Hand'", [
      Date.parse('2026-11-03T09:00:00Z'),
    ]);
    expect(await periods(kiosk)).toEqual([
      { months: 2, shown_until: endOfDay('2026-11-04') },
      { months: 6, shown_until: endOfDay('2030-03-02') },
    ]);

    clock.set('2026-11-24T09:00:00Z');
    expect((await kiosk.retention.run()).counts).toMatchObject({ futureCorrected: 1, erased: 0 });
    // The re-dated visit moved back: the recorded day stays a bound above every visit of its period.
    expect(await periods(kiosk)).toEqual([
      { months: 2, shown_until: endOfDay('2026-11-04') },
      { months: 6, shown_until: endOfDay('2030-03-02') },
    ]);
    clock.set('2027-01-03T10:00:00Z'); // 2 months and a day after the hand-written visit
    expect((await kiosk.retention.run()).counts).toMatchObject({ due: 1, erased: 1 });
    expect(await names(kiosk)).toEqual(['Future']);
  });
});
