import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../../../shared/config';
import { noticeSections, noticeFacts } from '../../../../shared/notice';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';
import type { Kiosk } from '../../../../electron/core/kiosk';

const DAY = 24 * 60 * 60 * 1000;
const NOW = '2026-11-24T10:00:00Z';
const config: KioskConfig = { ...defaultConfig, retention: { ...defaultConfig.retention, clockGuardDays: 365 } };

async function visitId(kiosk: Kiosk) {
  const result = await kiosk.router.invoke('visits.signIn', visitor(), callers.kiosk);
  if (!result.ok) throw new Error(result.error.key);
  return (await kiosk.database.get<{ id: number }>('SELECT max(id) AS id FROM visits'))!.id;
}

describe('a hold', () => {
  it('records its ground and gets a review date: the configured default, at most a year ahead, never past', async () => {
    const clock = manualClock(NOW);
    const kiosk = await openTestKiosk({ clock, config });
    const id = await visitId(kiosk);
    const place = (input: Record<string, unknown>) =>
      // Untrusted: the tests send what a broken or hostile client might.
      kiosk.router.invokeUntrusted(
        'holds.placeOnVisit',
        { visitId: id, reason: 'Police request 18', ...input },
        callers.security,
      );

    expect(await place({})).toMatchObject({ ok: false, error: { fields: { basis: 'hold.basisRequired' } } });
    expect(await place({ basis: 'because' })).toMatchObject({
      ok: false,
      error: { fields: { basis: 'hold.basisRequired' } },
    });
    expect(await place({ basis: 'legalObligation', reviewAt: clock.now() - 1 })).toEqual({
      ok: false,
      error: { key: 'hold.reviewInPast' },
    });
    expect(await place({ basis: 'legalObligation', reviewAt: clock.now() + 367 * DAY })).toMatchObject({
      ok: false,
      error: { key: 'hold.reviewTooLate' },
    });
    expect(await kiosk.holds.listActive()).toEqual([]);

    // The default is a whole day, as a date typed in the form is: through 22 February 2027, 90 days ahead.
    const defaultReview = Date.parse('2027-02-23T00:00:00+01:00');
    expect(await place({ basis: 'legalObligation' })).toMatchObject({
      ok: true,
      value: { basis: 'legalObligation', reviewAt: defaultReview, pastReview: false },
    });
    const yearAhead = Date.parse('2027-11-25T00:00:00+01:00'); // through 24 November 2027, a year ahead
    expect(await place({ basis: 'necessaryForActivities', reviewAt: yearAhead })).toMatchObject({
      ok: true,
      value: { basis: 'necessaryForActivities', reviewAt: yearAhead },
    });
    const stored = await kiosk.database.all('SELECT basis, review_at FROM legal_holds ORDER BY id');
    expect(stored).toEqual([
      { basis: 'legalObligation', review_at: defaultReview },
      { basis: 'necessaryForActivities', review_at: yearAhead },
    ]);
  });

  it('past its review date still holds, is listed for the alarm, until security or an admin extends it', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const kiosk = await openTestKiosk({ clock, config });
    const id = await visitId(kiosk);
    const placed = await kiosk.router.invoke(
      'holds.placeOnVisit',
      { visitId: id, reason: 'Insurance claim', basis: 'necessaryForActivities' },
      callers.security,
    );
    if (!placed.ok) throw new Error(placed.error.key);
    expect(await kiosk.holds.pastReview()).toEqual([]);

    clock.set('2026-08-01T10:00:00Z'); // past the visit's deadline and the hold's review date
    expect((await kiosk.retention.run()).counts).toMatchObject({ held: 1, erased: 0 });
    expect(await kiosk.holds.pastReview()).toMatchObject([{ id: placed.value.id, pastReview: true }]);
    expect(await kiosk.holds.listActive()).toMatchObject([{ id: placed.value.id, pastReview: true }]);

    const extend = (reviewAt: number, caller: (typeof callers)[keyof typeof callers]) =>
      kiosk.router.invoke('holds.extendReview', { holdId: placed.value.id, reviewAt }, caller);
    const later = Date.parse('2026-10-01T00:00:00Z');
    expect(await extend(later, callers.receptionist)).toEqual({ ok: false, error: { key: 'api.forbidden' } });
    expect(await extend(clock.now() - DAY, callers.security)).toEqual({
      ok: false,
      error: { key: 'hold.reviewInPast' },
    });
    expect(await extend(later, callers.security)).toMatchObject({
      ok: true,
      value: { reviewAt: later, pastReview: false },
    });
    expect(await kiosk.holds.pastReview()).toEqual([]);
    expect(await kiosk.audit.list({ action: 'holds.reviewExtended' })).toMatchObject([
      { actor: 'Sam', detail: { holdId: placed.value.id } },
    ]);

    await kiosk.router.invoke('holds.release', { holdId: placed.value.id }, callers.admin);
    expect(await extend(later, callers.admin)).toEqual({ ok: false, error: { key: 'hold.alreadyReleased' } });
  });
});

describe('the reason of a footage hold', () => {
  function writeFootage(root: string, files: Record<string, string>) {
    for (const [relative, iso] of Object.entries(files)) {
      const file = path.join(root, ...relative.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'x');
      const mtime = new Date(Date.parse(iso) + 60_000);
      fs.utimesSync(file, mtime, mtime);
    }
  }

  it('is cleared once the hold is released and its files are gone, not before', async () => {
    const root = makeTempDir('footage-root-');
    writeFootage(root, {
      '2026-10-20/09/lobby/00.20.mp4': '2026-10-20T09:00:20Z',
      '2026-10-20/09/gate/00.10.mp4': '2026-10-20T09:00:10Z',
      '2026-11-20/09/gate/00.00.mp4': '2026-11-20T09:00:00Z',
      '2026-11-20/09/gate/00.10.mp4': '2026-11-20T09:00:10Z',
      '2026-11-20/09/lobby/00.20.mp4': '2026-11-20T09:00:20Z',
      '2026-11-20/09/lobby/00.30.mp4': '2026-11-20T09:00:30Z',
    });
    const clock = manualClock(NOW);
    const kiosk = await openTestKiosk({ clock, config: { ...config, footage: { ...config.footage, root } } });
    expect((await kiosk.footage.scan()).outcome).toBe('ok');
    const hold = async (input: Record<string, unknown>) => {
      const result = await kiosk.router.invoke(
        'holds.placeOnFootage',
        { basis: 'legalObligation', ...input } as never,
        callers.security,
      );
      if (!result.ok) throw new Error(result.error.key);
      return result.value.id;
    };
    const fileHold = await hold({ path: '2026-10-20/09/lobby/00.20.mp4', reason: 'Theft, suspect J. Doe' });
    const rangeHold = await hold({
      camera: 'gate',
      from: Date.parse('2026-10-20T09:00:00Z'),
      to: Date.parse('2026-10-20T09:01:00Z'),
      reason: 'Damage to the barrier by A. Smith',
    });
    const stillActive = await hold({ path: '2026-11-20/09/gate/00.00.mp4', reason: 'Ongoing: B. Jones' });
    expect((await kiosk.footage.purge()).counts).toMatchObject({ held: 2, deleted: 0 });

    await kiosk.router.invoke('holds.release', { holdId: fileHold }, callers.security);
    await kiosk.router.invoke('holds.release', { holdId: rangeHold }, callers.security);
    const reasons = async () =>
      (await kiosk.database.all<{ id: number; reason: string }>('SELECT id, reason FROM legal_holds ORDER BY id')).map(
        (row) => [row.id, row.reason],
      );
    // Released, but the files are still there: the reason still explains them.
    expect(await reasons()).toEqual([
      [fileHold, 'Theft, suspect J. Doe'],
      [rangeHold, 'Damage to the barrier by A. Smith'],
      [stillActive, 'Ongoing: B. Jones'],
    ]);

    expect((await kiosk.footage.purge()).counts).toMatchObject({ deleted: 2 });
    await kiosk.retention.run();
    expect(await reasons()).toEqual([
      [fileHold, '(erased with the footage)'],
      [rangeHold, '(erased with the footage)'],
      [stillActive, 'Ongoing: B. Jones'],
    ]);
  });
});

describe('the notice', () => {
  it('names both grounds for keeping data longer, in Dutch and English', () => {
    const text = (language: 'nl' | 'en') =>
      noticeSections(noticeFacts(defaultConfig), language)
        .flatMap((section) => section.paragraphs)
        .join(' ');
    expect(text('nl')).toContain('op grond van een wettelijke regeling uw gegevens langer moeten bewaren');
    expect(text('nl')).toContain('als langer bewaren echt nodig is voor het uitvoeren van onze activiteiten');
    expect(text('en')).toContain('a legal obligation requires us to keep your data longer');
    expect(text('en')).toContain('really necessary for carrying out our activities');
  });
});
