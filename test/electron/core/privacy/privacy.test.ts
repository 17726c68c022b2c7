import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrivacySearchResult } from '../../../../shared/api/privacy';
import { defaultConfig } from '../../../../shared/config';
import type { Kiosk } from '../../../../electron/core/kiosk';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const privacyOfficer = {
  kind: 'staff',
  staffId: 4,
  name: 'Pia',
  role: 'privacy',
  terminal: 'test-privacy',
} as const;

async function setup(dataDir = makeTempDir()) {
  const clock = manualClock('2026-06-02T08:00:00Z');
  const kiosk = await openTestKiosk({ clock, dataDir });
  const signInAt = async (iso: string, overrides: Record<string, unknown>) => {
    clock.set(iso);
    const result = await kiosk.router.invoke('visits.signIn', visitor(overrides) as never, callers.kiosk);
    expect(result.ok).toBe(true);
    const row = await kiosk.database.get<{ id: number }>('SELECT max(id) AS id FROM visits');
    return row!.id;
  };
  return { clock, kiosk, dataDir, signInAt };
}

async function search(kiosk: Kiosk, query: string, extra: Record<string, unknown> = {}) {
  const result = await kiosk.router.invoke(
    'privacy.searchVisits',
    { query, purpose: 'accessRequest', ...extra } as never,
    privacyOfficer,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as PrivacySearchResult;
}

const allBytes = (dataDir: string) =>
  Buffer.concat(
    fs
      .readdirSync(dataDir)
      .filter((name) => fs.statSync(path.join(dataDir, name)).isFile())
      .map((name) => fs.readFileSync(path.join(dataDir, name))),
  );

describe('privacy requests: finding a person', () => {
  it('matches every word in some field, ignoring case, accents and punctuation, over the whole retention window', async () => {
    const { kiosk, signInAt } = await setup();
    const zoe = await signInAt('2026-01-15T09:00:00Z', { firstName: 'Zoë', lastName: "D'Arcy", company: 'ACME' });
    await signInAt('2026-03-01T09:00:00Z', { firstName: 'Zoe', lastName: 'Smith' });
    await signInAt('2026-03-02T09:00:00Z', { firstName: 'Anna', lastName: 'Darcy' });
    const plated = await signInAt('2026-06-02T07:00:00Z', { firstName: 'Bo', lastName: 'Berg', plate: 'GBB-01-B' });

    expect((await search(kiosk, 'zoe darcy')).visits.map((visit) => visit.id)).toEqual([zoe]);
    expect((await search(kiosk, 'ZOË  d’arcy')).visits.map((visit) => visit.id)).toEqual([zoe]);
    expect((await search(kiosk, 'darcy acme')).visits.map((visit) => visit.id)).toEqual([zoe]);
    expect((await search(kiosk, 'gbb01b')).visits).toMatchObject([
      { id: plated, plate: 'GBB-01-B', held: false, restricted: false },
    ]);
    expect((await search(kiosk, 'darcy')).visits).toHaveLength(2);
    expect((await search(kiosk, 'zoe nobody')).visits).toEqual([]);
  });

  it('limits by local dates in the kiosk zone, and finds held and restricted visits', async () => {
    const { kiosk, signInAt } = await setup();
    // 23:30 UTC on 31 January is 1 February in Amsterdam.
    const late = await signInAt('2026-01-31T23:30:00Z', { firstName: 'Zoë', lastName: 'Late' });
    const early = await signInAt('2026-01-31T10:00:00Z', { firstName: 'Zoë', lastName: 'Early' });
    expect((await search(kiosk, 'zoe', { from: '2026-02-01', to: '2026-02-01' })).visits.map((v) => v.id)).toEqual([
      late,
    ]);
    expect((await search(kiosk, 'zoe', { to: '2026-01-31' })).visits.map((v) => v.id)).toEqual([early]);

    await kiosk.holds.placeOnVisit('operator', early, 'police case 12', null, { basis: 'legalObligation' });
    await kiosk.router.invoke('privacy.restrictVisits', { visitIds: [late], reason: 'ref 7' }, privacyOfficer);
    // Newest first.
    expect((await search(kiosk, 'zoe')).visits).toMatchObject([
      { id: late, held: false, restricted: true },
      { id: early, held: true, restricted: false },
    ]);
  });

  it('refuses a search without a purpose or a query, and audits purpose and hit count, never the terms', async () => {
    const { kiosk, signInAt } = await setup();
    await signInAt('2026-05-01T09:00:00Z', { firstName: 'Zoë', lastName: "D'Arcy" });
    const noPurpose = await kiosk.router.invoke('privacy.searchVisits', { query: 'zoe' } as never, privacyOfficer);
    expect(noPurpose).toMatchObject({ ok: false, error: { fields: { purpose: 'privacy.purposeRequired' } } });
    const punctuationOnly = await kiosk.router.invoke(
      'privacy.searchVisits',
      { query: "'-.", purpose: 'other' },
      privacyOfficer,
    );
    expect(punctuationOnly).toMatchObject({ ok: false, error: { key: 'privacy.queryRequired' } });

    await search(kiosk, 'zoe darcy');
    const [entry] = await kiosk.audit.list({ action: 'privacy.searched' });
    expect(entry).toMatchObject({ actor: 'Pia', detail: { purpose: 'accessRequest', hits: 1 } });
    expect(JSON.stringify(await kiosk.audit.list())).not.toMatch(/zo[eë]|darcy/i);
  });

  it('is for the privacy role and the admin only', async () => {
    const { kiosk } = await setup();
    for (const caller of [callers.receptionist, callers.security])
      expect(await kiosk.router.invoke('privacy.searchVisits', { query: 'x', purpose: 'other' }, caller)).toMatchObject(
        { ok: false, error: { key: 'api.forbidden' } },
      );
    expect(
      (await kiosk.router.invoke('privacy.searchVisits', { query: 'x', purpose: 'other' }, callers.admin)).ok,
    ).toBe(true);
    // The privacy officer has nothing else.
    expect(await kiosk.router.invoke('visits.today', {}, privacyOfficer)).toMatchObject({
      ok: false,
      error: { key: 'api.forbidden' },
    });
  });
});

describe('privacy requests: acting on them', () => {
  it('a found visit is exported, corrected and erased; afterwards no byte of it is in the data folder', async () => {
    const { kiosk, dataDir, signInAt, clock } = await setup();
    const other = await signInAt('2026-05-01T08:00:00Z', { firstName: 'Stays', lastName: 'Around' });
    const id = await signInAt('2026-05-01T09:00:00Z', {
      firstName: 'Zoë',
      lastName: "D'Arcyquetzal",
      company: 'Xylograph BV',
      plate: 'GBB-01-B',
    });
    clock.set('2026-05-01T15:00:00Z');
    await kiosk.visits.signOutById(id);
    const [found] = (await search(kiosk, 'zoe darcyquetzal')).visits;
    expect(found!.id).toBe(id);

    // Access: the page and the JSON, in the person's language.
    const copy = await kiosk.router.invoke(
      'privacy.exportVisits',
      { visitIds: [id], language: 'nl', purpose: 'accessRequest' },
      privacyOfficer,
    );
    if (!copy.ok) throw new Error(copy.error.key);
    expect(copy.value.html).toContain('<html lang="nl">');
    expect(copy.value.html).toContain('D&#39;Arcyquetzal');
    expect(copy.value.html).toContain('Xylograph BV');
    expect(copy.value.html).toContain('01-05-2026 11:00'); // signed in, local time, as Dutch readers write it
    expect(copy.value.html).toContain('01-05-2026 17:00'); // signed out
    expect(copy.value.html).toContain('Grondslag');
    expect(copy.value.html).toContain('Gerechtvaardigd belang');
    expect(copy.value.html).toContain('Autoriteit Persoonsgegevens');
    expect(copy.value.html).toContain('maximaal 6 maanden');
    const json = JSON.parse(copy.value.json);
    expect(json.visits).toEqual([
      expect.objectContaining({
        firstName: 'Zoë',
        lastName: "D'Arcyquetzal",
        company: 'Xylograph BV',
        plate: 'GBB-01-B',
        signedInAt: '2026-05-01T09:00:00.000Z',
        signedOutAt: '2026-05-01T15:00:00.000Z',
      }),
    ]);
    expect(json.retention).toEqual({ visitMonths: 6, footageDays: 28 });
    expect(copy.value.json).not.toMatch(/hold/i);
    expect(copy.value.htmlFileName).toMatch(/^bezoekgegevens-\d{4}-\d\d-\d\d\.html$/);
    const english = await kiosk.router.invoke(
      'privacy.exportVisits',
      { visitIds: [id], language: 'en', purpose: 'accessRequest' },
      privacyOfficer,
    );
    expect(english.ok && english.value.html).toContain('Legal basis');

    // Rectification: the sign-in schema's rules; the audit names fields, never values.
    const badPlate = await kiosk.router.invoke('privacy.correctVisit', { visitId: id, plate: '###' }, privacyOfficer);
    expect(badPlate).toMatchObject({ ok: false, error: { fields: { plate: 'plate.invalid' } } });
    const badName = await kiosk.router.invoke(
      'privacy.correctVisit',
      { visitId: id, firstName: '<b>' },
      privacyOfficer,
    );
    expect(badName).toMatchObject({ ok: false, error: { key: 'validation.failed' } });
    const unchanged = await kiosk.router.invoke(
      'privacy.correctVisit',
      { visitId: id, firstName: 'Zoë', plate: 'gbb01b' },
      privacyOfficer,
    );
    expect(unchanged).toMatchObject({ ok: false, error: { key: 'privacy.nothingToCorrect' } });
    const corrected = await kiosk.router.invoke(
      'privacy.correctVisit',
      { visitId: id, firstName: 'Zoë', lastName: 'Darcy-Quetzalcoatl', plate: '12abc3', company: '' },
      privacyOfficer,
    );
    expect(corrected).toMatchObject({
      ok: true,
      value: { id, firstName: 'Zoë', lastName: 'Darcy-Quetzalcoatl', company: null, plate: '12-ABC-3' },
    });
    expect(allBytes(dataDir).includes(Buffer.from('Xylograph'))).toBe(false); // the old value went with the checkpoint

    // Erasure.
    await kiosk.database.checkpoint();
    expect(allBytes(dataDir).includes(Buffer.from('Quetzalcoatl'))).toBe(true); // the byte search finds what is there
    const erased = await kiosk.router.invoke(
      'privacy.eraseVisits',
      { visitIds: [id], reason: 'erasure request ref 2026-17' },
      privacyOfficer,
    );
    expect(erased).toEqual({ ok: true, value: { erased: 1 } });
    const bytes = allBytes(dataDir);
    for (const needle of ['Quetzalcoatl', "D'Arcy", 'Zoë', 'GBB-01-B', '12-ABC-3', 'Xylograph'])
      expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
    expect(bytes.includes(Buffer.from('Stays'))).toBe(true);
    expect((await search(kiosk, 'stays')).visits.map((visit) => visit.id)).toEqual([other]);

    // The audit shows each step, without the personal data.
    const actions = (await kiosk.audit.list()).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['privacy.searched', 'privacy.exported', 'privacy.corrected', 'privacy.erased']),
    );
    const [correctedEntry] = await kiosk.audit.list({ action: 'privacy.corrected' });
    expect(correctedEntry!.detail).toEqual({ visitId: id, fields: 'lastName,company,plate' });
    const audit = JSON.stringify(await kiosk.audit.list());
    for (const needle of ['Quetzalcoatl', 'Darcy', 'Zoë', 'GBB', '12-ABC', 'Xylograph'])
      expect(audit).not.toContain(needle);
  });

  it('a held visit is not erased until the hold is released, and nothing else in the request is erased either', async () => {
    const { kiosk, signInAt } = await setup();
    const free = await signInAt('2026-05-01T08:00:00Z', { firstName: 'Free', lastName: 'One' });
    const held = await signInAt('2026-05-01T09:00:00Z', { firstName: 'Held', lastName: 'One' });
    const hold = await kiosk.holds.placeOnVisit('operator', held, 'police case', null, { basis: 'legalObligation' });
    const refused = await kiosk.router.invoke(
      'privacy.eraseVisits',
      { visitIds: [free, held], reason: 'art. 17' },
      privacyOfficer,
    );
    expect(refused).toMatchObject({ ok: false, error: { key: 'privacy.visitHeld', params: { visitId: held } } });
    expect((await search(kiosk, 'one')).visits).toHaveLength(2);

    await kiosk.holds.release('operator', hold.id);
    expect(
      await kiosk.router.invoke('privacy.eraseVisits', { visitIds: [free, held], reason: 'art. 17' }, privacyOfficer),
    ).toEqual({ ok: true, value: { erased: 2 } });
    expect((await search(kiosk, 'one')).visits).toEqual([]);
    const [holdRow] = await kiosk.database.all<{ reason: string }>('SELECT reason FROM legal_holds');
    expect(holdRow!.reason).toBe('(erased with the visit)');
  });

  it('an unknown visit changes nothing', async () => {
    const { kiosk, signInAt } = await setup();
    const id = await signInAt('2026-05-01T08:00:00Z', { firstName: 'Kept', lastName: 'One' });
    expect(
      await kiosk.router.invoke('privacy.eraseVisits', { visitIds: [id, 999], reason: 'x' }, privacyOfficer),
    ).toMatchObject({ ok: false, error: { key: 'privacy.unknownVisit', params: { visitId: 999 } } });
    expect(
      await kiosk.router.invoke('privacy.eraseVisits', { visitIds: [id], reason: '  ' }, privacyOfficer),
    ).toMatchObject({ ok: false, error: { fields: { reason: 'privacy.reasonRequired' } } });
    expect((await search(kiosk, 'kept')).visits).toHaveLength(1);
  });

  it('a restricted visit leaves today’s list but stays on the evacuation list, keeps its deadline, and comes back when lifted', async () => {
    const { kiosk, signInAt, clock } = await setup();
    const restricted = await signInAt('2026-06-02T08:00:00Z', { firstName: 'Rosa', lastName: 'Restricted' });
    await signInAt('2026-06-02T08:30:00Z', { firstName: 'Otto', lastName: 'Other' });
    const before = await kiosk.retention.status();
    expect(
      await kiosk.router.invoke(
        'privacy.restrictVisits',
        { visitIds: [restricted], reason: 'art. 18 ref 3' },
        privacyOfficer,
      ),
    ).toEqual({ ok: true, value: { changed: 1 } });

    const today = await kiosk.router.invoke('visits.today', {}, callers.receptionist);
    expect(today.ok && today.value.visits.map((visit) => visit.lastName)).toEqual(['Other']);
    // The access copy tells the person which of their visits are restricted, in the page and the JSON.
    const other = (await search(kiosk, 'otto other')).visits[0]!.id;
    for (const [language, yes, no] of [
      ['nl', 'ja', 'nee'],
      ['en', 'yes', 'no'],
    ] as const) {
      const copy = await kiosk.router.invoke(
        'privacy.exportVisits',
        { visitIds: [restricted, other], language, purpose: 'accessRequest' },
        privacyOfficer,
      );
      if (!copy.ok) throw new Error(copy.error.key);
      const lastCell = (lastName: string) =>
        copy.value.html.match(new RegExp(`${lastName}</td>.*<td>(\\w+)</td></tr>`))?.[1];
      expect([lastCell('Restricted'), lastCell('Other')]).toEqual([yes, no]);
      const rows = JSON.parse(copy.value.json).visits as { lastName: string; restricted: boolean }[];
      expect(rows.map((row) => [row.lastName, row.restricted]).sort()).toEqual([
        ['Other', false],
        ['Restricted', true],
      ]);
    }
    const evacuation = await kiosk.router.invoke('visits.evacuation', {}, callers.security);
    expect(evacuation.ok && evacuation.value.visits.map((visit) => visit.lastName)).toEqual(['Restricted', 'Other']);
    expect((await kiosk.retention.status()).nextVisitDeadline).toBe(before.nextVisitDeadline);

    // Past its deadline it is purged like any other visit.
    clock.set('2026-12-03T08:00:00Z');
    await kiosk.visits.signOutForgotten();
    // Six months on, the clock guard wants a confirmation first; the confirmation runs the purge.
    expect((await kiosk.retention.run()).outcome).toBe('blocked');
    expect((await kiosk.retention.confirmClock('operator')).outcome).toBe('ok');
    expect(await kiosk.database.get('SELECT id FROM visits WHERE id = ?', [restricted])).toBeUndefined();
  });

  it('lifting a restriction brings the visit back', async () => {
    const { kiosk, signInAt } = await setup();
    const id = await signInAt('2026-06-02T08:00:00Z', { firstName: 'Rosa', lastName: 'Restricted' });
    await kiosk.router.invoke('privacy.restrictVisits', { visitIds: [id], reason: 'ref' }, privacyOfficer);
    expect(await kiosk.router.invoke('privacy.unrestrictVisits', { visitIds: [id] }, privacyOfficer)).toEqual({
      ok: true,
      value: { changed: 1 },
    });
    const today = await kiosk.router.invoke('visits.today', {}, callers.receptionist);
    expect(today.ok && today.value.visits.map((visit) => visit.id)).toEqual([id]);
    const entries = await kiosk.audit.list({ action: 'privacy.' });
    expect(entries.map((entry) => entry.action)).toEqual(['privacy.unrestricted', 'privacy.restricted']);
  });
});

describe('the privacy role', () => {
  it('can be given to a staff account, and the migration keeps existing accounts and their audit rows', async () => {
    const { kiosk } = await setup();
    const added = await kiosk.router.invoke(
      'staff.add',
      { name: 'Petra Privacy', role: 'privacy', pin: '482913' },
      callers.admin,
    );
    expect(added).toMatchObject({ ok: true, value: { role: 'privacy' } });
    expect(defaultConfig.privacy).toEqual({
      exportDays: 7,
      footageMarginMinutes: 15,
      visitCameras: [],
      exportFolder: null,
    });
  });
});
