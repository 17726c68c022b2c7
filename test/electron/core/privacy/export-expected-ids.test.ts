// Issue 20: an access copy that includes an expected visit goes when that expected visit is erased.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../../shared/config';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const privacyOfficer = callers.privacy;

/** Every byte of every file under `folder`, to look for a person's data in. */
const bytesUnder = (folder: string) =>
  Buffer.concat(
    fs
      .readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name))),
  );

async function setup() {
  const exportFolder = makeTempDir('exports-');
  const dataDir = makeTempDir();
  const config = kioskConfigSchema.parse({ privacy: { exportFolder } });
  const clock = manualClock('2026-05-01T09:00:00Z');
  const kiosk = await openTestKiosk({ clock, config, dataDir });
  const signedIn = await kiosk.router.invoke(
    'visits.signIn',
    visitor({ firstName: 'Quirina', lastName: 'Zwartkop' }) as never,
    callers.kiosk,
  );
  expect(signedIn.ok).toBe(true);
  const visitId = (await kiosk.database.get<{ id: number }>('SELECT max(id) AS id FROM visits'))!.id;
  // Her next visit, weeks ahead: only this row holds the company and the host below.
  const invited = await kiosk.router.invoke(
    'invitations.add',
    { date: '2026-06-15', firstName: 'Quirina', lastName: 'Zwartkop', company: 'Oeverzwaluw BV', hostName: 'Henk' },
    callers.receptionist,
  );
  if (!invited.ok) throw new Error(invited.error.key);
  return { kiosk, exportFolder, dataDir, visitId, expectedId: invited.value.id, code: invited.value.code };
}

describe('exports record the expected visits they hold', () => {
  it('erasing only the expected visit deletes every copy that includes it at once: no byte of it left', async () => {
    const { kiosk, exportFolder, dataDir, visitId, expectedId, code } = await setup();
    const withBoth = await kiosk.router.invoke(
      'privacy.exportVisits',
      { visitIds: [visitId], expectedIds: [expectedId], language: 'nl', purpose: 'accessRequest' },
      privacyOfficer,
    );
    const withVisitOnly = await kiosk.router.invoke(
      'privacy.exportVisits',
      { visitIds: [visitId], language: 'en', purpose: 'accessRequest' },
      privacyOfficer,
    );
    if (!withBoth.ok || !withVisitOnly.ok) throw new Error('export failed');
    const listed = await kiosk.router.invoke('privacy.listExports', {}, privacyOfficer);
    expect(listed.ok && listed.value.map((record) => [record.id, record.visitIds, record.expectedIds])).toEqual([
      [withVisitOnly.value.exportId, [visitId], []],
      [withBoth.value.exportId, [visitId], [expectedId]],
    ]);
    await kiosk.database.checkpoint();
    expect(bytesUnder(exportFolder).includes(Buffer.from('Oeverzwaluw'))).toBe(true); // the search finds what is there
    expect(bytesUnder(dataDir).includes(Buffer.from('Oeverzwaluw'))).toBe(true);

    const erased = await kiosk.router.invoke(
      'privacy.eraseVisits',
      { expectedIds: [expectedId], reason: 'art. 17, the invitation' },
      privacyOfficer,
    );
    expect(erased).toEqual({ ok: true, value: { erased: 0, erasedExpected: 1 } });
    for (const folder of [dataDir, exportFolder])
      for (const needle of ['Oeverzwaluw', code])
        expect(bytesUnder(folder).includes(Buffer.from(needle)), `${needle} in ${folder}`).toBe(false);
    // The copy of the visit alone stays: the visit was not erased.
    const after = await kiosk.router.invoke('privacy.listExports', { includeDeleted: true }, privacyOfficer);
    expect(after.ok && after.value.map((record) => [record.id, record.deletedWhy])).toEqual([
      [withVisitOnly.value.exportId, null],
      [withBoth.value.exportId, 'erased'],
    ]);
    expect(fs.existsSync(withVisitOnly.value.htmlFile)).toBe(true);
    expect(fs.existsSync(withBoth.value.htmlFile)).toBe(false);
  });

  it('gives a copy of expected visits alone (someone who never came), and erases it with them', async () => {
    const { kiosk, exportFolder, dataDir, expectedId, code } = await setup();
    const copy = await kiosk.router.invoke(
      'privacy.exportVisits',
      { visitIds: [], expectedIds: [expectedId], language: 'en', purpose: 'accessRequest' },
      privacyOfficer,
    );
    if (!copy.ok) throw new Error(copy.error.key);
    expect(JSON.parse(copy.value.json)).toMatchObject({
      visits: [],
      expectedVisits: [{ company: 'Oeverzwaluw BV', date: '2026-06-15' }],
    });
    expect(
      await kiosk.router.invoke(
        'privacy.exportVisits',
        { visitIds: [], language: 'en', purpose: 'accessRequest' },
        privacyOfficer,
      ),
    ).toMatchObject({ ok: false, error: { fields: { visitIds: 'privacy.noVisitsChosen' } } });
    const erased = await kiosk.router.invoke(
      'privacy.eraseVisits',
      { expectedIds: [expectedId], reason: 'art. 17' },
      privacyOfficer,
    );
    expect(erased).toMatchObject({ ok: true, value: { erasedExpected: 1 } });
    expect(fs.readdirSync(exportFolder)).toEqual([]);
    for (const folder of [dataDir, exportFolder])
      for (const needle of ['Oeverzwaluw', code])
        expect(bytesUnder(folder).includes(Buffer.from(needle)), `${needle} in ${folder}`).toBe(false);
  });
});
