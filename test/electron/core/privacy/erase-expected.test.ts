import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const privacyOfficer = { kind: 'staff', staffId: 4, name: 'Pia', role: 'privacy', terminal: 'test-privacy' } as const;

const allBytes = (dataDir: string) =>
  Buffer.concat(
    fs
      .readdirSync(dataDir)
      .filter((name) => fs.statSync(path.join(dataDir, name)).isFile())
      .map((name) => fs.readFileSync(path.join(dataDir, name))),
  );

describe('erasure reaches the expected visits', () => {
  it('finds an expected visit for a later date beside the visits and erases both to the byte at once', async () => {
    const dataDir = makeTempDir();
    const clock = manualClock('2026-06-02T08:00:00Z');
    const kiosk = await openTestKiosk({ clock, dataDir });
    const signedIn = await kiosk.router.invoke(
      'visits.signIn',
      visitor({ firstName: 'Quirina', lastName: 'Zwartkop' }) as never,
      callers.kiosk,
    );
    expect(signedIn.ok).toBe(true);
    const visitId = (await kiosk.database.get<{ id: number }>('SELECT max(id) AS id FROM visits'))!.id;
    const invited = await kiosk.router.invoke(
      'invitations.add',
      { date: '2026-07-15', firstName: 'Quirina', lastName: 'Zwartkop', company: 'Oeverzwaluw BV', hostName: 'Henk' },
      callers.receptionist,
    );
    if (!invited.ok) throw new Error(invited.error.key);
    await kiosk.router.invoke(
      'invitations.add',
      { date: '2026-07-15', firstName: 'Other', lastName: 'Stays' },
      callers.receptionist,
    );

    const found = await kiosk.router.invoke(
      'privacy.searchVisits',
      { query: 'zwartkop', purpose: 'erasureRequest' },
      privacyOfficer,
    );
    if (!found.ok) throw new Error(found.error.key);
    expect(found.value.visits).toMatchObject([{ kind: 'visit', id: visitId }]);
    expect(found.value.expected).toMatchObject([
      { kind: 'expected', id: invited.value.id, visitDate: '2026-07-15', company: 'Oeverzwaluw BV', hostName: 'Henk' },
    ]);

    await kiosk.database.checkpoint();
    expect(allBytes(dataDir).includes(Buffer.from('Oeverzwaluw'))).toBe(true); // the byte search finds what is there
    const erased = await kiosk.router.invoke(
      'privacy.eraseVisits',
      { visitIds: [visitId], expectedIds: [invited.value.id], reason: 'erasure request' },
      privacyOfficer,
    );
    expect(erased).toEqual({ ok: true, value: { erased: 1, erasedExpected: 1 } });
    const bytes = allBytes(dataDir);
    for (const needle of ['Zwartkop', 'Quirina', 'Oeverzwaluw', invited.value.code])
      expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
    expect(bytes.includes(Buffer.from('Stays'))).toBe(true);
    expect(await kiosk.database.all('SELECT id FROM expected_visits WHERE id = ?', [invited.value.id])).toEqual([]);
    const audit = await kiosk.audit.list({ action: 'privacy.erased' });
    expect(audit[0]!.detail).toMatchObject({ count: 1, expectedIds: String(invited.value.id) });
  });

  it('erases an expected visit alone, and names an unknown one', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-06-02T08:00:00Z') });
    const invited = await kiosk.router.invoke(
      'invitations.add',
      { date: '2026-07-15', firstName: 'Quirina', lastName: 'Zwartkop' },
      callers.receptionist,
    );
    if (!invited.ok) throw new Error(invited.error.key);
    expect(
      await kiosk.router.invoke('privacy.eraseVisits', { expectedIds: [9999], reason: 'erasure' }, privacyOfficer),
    ).toMatchObject({ ok: false, error: { key: 'privacy.unknownExpectedVisit', params: { expectedId: 9999 } } });
    expect(
      await kiosk.router.invoke(
        'privacy.eraseVisits',
        { expectedIds: [invited.value.id], reason: 'erasure' },
        privacyOfficer,
      ),
    ).toEqual({ ok: true, value: { erased: 0, erasedExpected: 1 } });
    expect(await kiosk.router.invoke('privacy.eraseVisits', { reason: 'erasure' }, privacyOfficer)).toMatchObject({
      ok: false,
      error: { fields: { visitIds: 'privacy.noVisitsChosen' } },
    });
  });

  it('the access copy names the host visited and the expected visits', async () => {
    const clock = manualClock('2026-06-02T08:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    await kiosk.router.invoke(
      'visits.signIn',
      visitor({ firstName: 'Quirina', lastName: 'Zwartkop' }) as never,
      callers.kiosk,
    );
    const visitId = (await kiosk.database.get<{ id: number }>('SELECT max(id) AS id FROM visits'))!.id;
    // The host as a sign-in by invitation stores it.
    await kiosk.database.run('UPDATE visits SET host_name = ? WHERE id = ?', ['Hendrika Gastheer', visitId]);
    const invited = await kiosk.router.invoke(
      'invitations.add',
      { date: '2026-07-15', firstName: 'Quirina', lastName: 'Zwartkop', hostName: 'Henk Later' },
      callers.receptionist,
    );
    if (!invited.ok) throw new Error(invited.error.key);
    const copy = await kiosk.router.invoke(
      'privacy.exportVisits',
      { visitIds: [visitId], expectedIds: [invited.value.id], language: 'en', purpose: 'accessRequest' },
      privacyOfficer,
    );
    if (!copy.ok) throw new Error(copy.error.key);
    expect(copy.value.html).toContain('Hendrika Gastheer');
    expect(copy.value.html).toContain('Expected visits');
    expect(copy.value.html).toContain('Henk Later');
    expect(JSON.parse(copy.value.json)).toMatchObject({
      visits: [{ firstName: 'Quirina', host: 'Hendrika Gastheer' }],
      expectedVisits: [{ firstName: 'Quirina', host: 'Henk Later', date: '2026-07-15' }],
    });
    expect(fs.readFileSync(copy.value.jsonFile, 'utf8')).toContain('Henk Later');
  });
});
