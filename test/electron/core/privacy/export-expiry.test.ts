// Issue 20: every copy the kiosk writes for a person or the police is a record with an expiry.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../../shared/config';
import { noticeVersion } from '../../../../shared/notice';
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
  const root = makeTempDir('footage-root-');
  const exportFolder = makeTempDir('exports-');
  const dataDir = makeTempDir();
  const config = kioskConfigSchema.parse({ footage: { root }, privacy: { exportFolder } });
  const clock = manualClock('2026-05-01T09:00:00Z');
  const kiosk = await openTestKiosk({ clock, config, dataDir });
  await kiosk.router.invoke(
    'visits.signIn',
    visitor({ firstName: 'Quirinus', lastName: 'Exportable', noticeVersion: noticeVersion(config) }) as never,
    callers.kiosk,
  );
  const visitId = (await kiosk.database.get<{ id: number }>('SELECT max(id) AS id FROM visits'))!.id;
  clock.set('2026-05-01T10:00:00Z');
  await kiosk.visits.signOutById(visitId);
  const file = path.join(root, 'entrance', 'entrance_20260501_113000.mp4'); // 09:30 UTC, during the visit
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'video bytes '.repeat(100));
  const mtime = new Date('2026-05-01T12:00:00Z');
  fs.utimesSync(file, mtime, mtime);
  clock.set('2026-05-01T13:00:00Z');
  expect((await kiosk.footage.scan()).outcome).toBe('ok');
  // A successful purge before the export: the clock guard has a trusted run to compare later runs with.
  expect((await kiosk.retention.run()).outcome).toBe('ok');
  return { kiosk, clock, root, exportFolder, dataDir, visitId, file };
}

/**
 * A successful purge on each date of 2026 ("05-26"), at noon UTC: the clock guard trusts a purge only
 * within 30 days of the last good one, so a test that moves months on runs one every 25 days.
 */
async function purgeEvery25Days(
  kiosk: Awaited<ReturnType<typeof setup>>['kiosk'],
  clock: Awaited<ReturnType<typeof setup>>['clock'],
  dates: string[],
) {
  for (const date of dates) {
    clock.set(`2026-${date}T12:00:00Z`);
    expect((await kiosk.retention.run()).outcome).toBe('ok');
  }
}

/** An access copy of the visit made on 30 October, two days before its 6 months end (purges run every 25 days till then). */
async function accessCopyOn30October(
  kiosk: Awaited<ReturnType<typeof setup>>['kiosk'],
  clock: Awaited<ReturnType<typeof setup>>['clock'],
  visitId: number,
) {
  await purgeEvery25Days(kiosk, clock, ['05-26', '06-20', '07-15', '08-09', '09-03', '09-28', '10-23']);
  clock.set('2026-10-30T12:00:00Z');
  return accessCopy(kiosk, visitId);
}

/** The privacy officer's access copy of one visit, now. */
async function accessCopy(kiosk: Awaited<ReturnType<typeof setup>>['kiosk'], visitId: number) {
  const copy = await kiosk.router.invoke(
    'privacy.exportVisits',
    { visitIds: [visitId], language: 'en', purpose: 'accessRequest' },
    privacyOfficer,
  );
  if (!copy.ok) throw new Error(JSON.stringify(copy.error));
  return copy.value;
}

/** The visit purge erases the visit and the export purge, run now, its copy: no byte of it left. */
async function expectVisitAndCopyGoneAtThisRun(
  kiosk: Awaited<ReturnType<typeof setup>>['kiosk'],
  exportFolder: string,
) {
  expect((await kiosk.retention.run()).outcome).toBe('ok');
  expect(await kiosk.database.get('SELECT count(*) AS n FROM visits')).toEqual({ n: 0 });
  expect((await kiosk.exports.purge()).counts).toMatchObject({ deleted: 1 });
  expect(bytesUnder(exportFolder).includes('Exportable')).toBe(false);
}

describe('exports are records with an expiry', () => {
  it("an access request's footage export holds nothing, and is gone 7 days after it was made, audited", async () => {
    const { kiosk, clock, visitId } = await setup();
    const made = await kiosk.router.invoke(
      'privacy.exportFootage',
      { visitId, reason: 'art. 15 request 7', purpose: 'accessRequest' },
      privacyOfficer,
    );
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    // The person gets a copy; the originals keep their 4 weeks.
    expect(made.value.manifest.holdIds).toEqual([]);
    expect(await kiosk.holds.listActive()).toEqual([]);
    expect(made.value.expiresAt).toBe(Date.parse('2026-05-08T13:00:00Z'));
    const listed = await kiosk.router.invoke('privacy.listExports', {}, privacyOfficer);
    expect(listed.ok && listed.value).toMatchObject([
      { id: made.value.exportId, kind: 'footage', purpose: 'accessRequest', exportedBy: 'Pia', fileCount: 1 },
    ]);

    // Hourly runs: the one at 12:00 is the last before 13:00, so it takes the copy (as the visit purge would).
    clock.set('2026-05-08T11:59:00Z');
    expect((await kiosk.exports.purge()).counts).toMatchObject({ due: 0, deleted: 0 });
    expect(fs.existsSync(made.value.folder)).toBe(true);
    clock.set('2026-05-08T12:00:00Z');
    expect((await kiosk.exports.purge()).counts).toMatchObject({ due: 1, deleted: 1 });
    expect(fs.existsSync(made.value.folder)).toBe(false);
    expect((await kiosk.audit.list({ action: 'privacy.exportDeleted' }))[0]).toMatchObject({
      actor: 'system',
      detail: { exportId: made.value.exportId, why: 'expired' },
    });
    const after = await kiosk.router.invoke('privacy.listExports', { includeDeleted: true }, privacyOfficer);
    expect(after.ok && after.value[0]).toMatchObject({ deletedWhy: 'expired' });
  });

  it('an access copy is written into the export folder, recorded and deleted after privacy.exportDays', async () => {
    const { kiosk, clock, exportFolder, visitId } = await setup();
    const copy = await kiosk.router.invoke(
      'privacy.exportVisits',
      { visitIds: [visitId], language: 'en', purpose: 'accessRequest' },
      privacyOfficer,
    );
    if (!copy.ok) throw new Error(JSON.stringify(copy.error));
    expect(path.dirname(path.dirname(copy.value.htmlFile))).toBe(fs.realpathSync(exportFolder));
    expect(fs.readFileSync(copy.value.htmlFile, 'utf8')).toContain('Exportable');
    // A screen never chooses where a copy goes.
    expect(
      await kiosk.router.invoke(
        'privacy.exportVisits',
        { visitIds: [visitId], language: 'en', purpose: 'accessRequest', out: path.join(exportFolder, 'x.html') },
        privacyOfficer,
      ),
    ).toMatchObject({ ok: false, error: { key: 'api.forbidden' } });
    clock.set('2026-05-08T13:00:00Z');
    expect((await kiosk.retention.run()).outcome).toBe('ok');
    expect((await kiosk.exports.purge()).outcome).toBe('ok');
    expect(fs.readdirSync(exportFolder)).toEqual([]);
  });

  it("a police request holds the originals with the officer's ground and review date; the copy goes at the first run after release", async () => {
    const { kiosk, clock, root, file, visitId } = await setup();
    const reviewAt = Date.parse('2026-07-01T21:59:59.999Z');
    expect(
      await kiosk.router.invoke(
        'privacy.exportFootage',
        { visitId, reason: 'PV 2026-5', purpose: 'policeRequest' },
        callers.admin,
      ),
    ).toMatchObject({ ok: false, error: { fields: { basis: 'privacy.holdTermsRequired' } } });
    const made = await kiosk.router.invoke(
      'privacy.exportFootage',
      { visitId, reason: 'PV 2026-5', purpose: 'policeRequest', basis: 'necessaryForActivities', reviewAt },
      callers.admin,
    );
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const [hold] = await kiosk.holds.listActive();
    expect(hold).toMatchObject({ basis: 'necessaryForActivities', reviewAt, footagePath: path.relative(root, file) });

    clock.set('2026-05-20T13:00:00Z'); // past its 7 days: kept while the originals are held
    expect((await kiosk.exports.purge()).counts).toMatchObject({ due: 1, held: 1, deleted: 0 });
    expect(fs.existsSync(made.value.folder)).toBe(true);
    expect(await kiosk.router.invoke('holds.release', { holdId: hold!.id }, callers.admin)).toMatchObject({ ok: true });
    expect((await kiosk.exports.purge()).counts).toMatchObject({ due: 1, held: 0, deleted: 1 });
    expect(fs.existsSync(made.value.folder)).toBe(false);
  });

  it('a copy never outlives what it copies: a footage export goes when its originals are due, not 7 days on', async () => {
    const { kiosk, clock, visitId } = await setup();
    // The file was recorded at 09:30 on 1 May: its 4 weeks end at 09:30 on 29 May.
    clock.set('2026-05-27T13:00:00Z');
    const made = await kiosk.router.invoke(
      'privacy.exportFootage',
      { visitId, reason: 'art. 15 request 8', purpose: 'accessRequest' },
      privacyOfficer,
    );
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    expect(made.value.expiresAt).toBe(Date.parse('2026-05-29T09:30:00Z'));
    clock.set('2026-05-29T08:59:00Z');
    expect((await kiosk.exports.purge()).counts).toMatchObject({ due: 0 });
    clock.set('2026-05-29T09:00:00Z'); // the last hourly run before 09:30
    expect((await kiosk.exports.purge()).counts).toMatchObject({ due: 1, deleted: 1 });
    expect(fs.existsSync(made.value.folder)).toBe(false);
  });

  it("a copy never outlives what it copies: an access copy goes by its visits' and expected visits' deadlines", async () => {
    const { kiosk, clock, exportFolder, visitId } = await setup();
    // The visit signed in at 09:00 UTC on 1 May (11:00 in Amsterdam): its 6 months end at 11:00 local on 1 November.
    const visitDeadline = Date.parse('2026-11-01T10:00:00Z');
    const copy = await accessCopyOn30October(kiosk, clock, visitId);
    const listed = await kiosk.router.invoke('privacy.listExports', {}, privacyOfficer);
    expect(listed.ok && listed.value[0]).toMatchObject({ id: copy.exportId, expiresAt: visitDeadline });

    // An expected visit for today, 30 October, is erased from 7 November on (unarrivedDays 7): a copy of it goes then.
    const invited = await kiosk.router.invoke(
      'invitations.add',
      { date: '2026-10-30', firstName: 'Quirinus', lastName: 'Exportable', company: 'Later BV', hostName: 'Henk' },
      callers.receptionist,
    );
    if (!invited.ok) throw new Error(invited.error.key);
    clock.set('2026-10-31T12:00:00Z');
    const both = await kiosk.router.invoke(
      'privacy.exportVisits',
      { visitIds: [], expectedIds: [invited.value.id], language: 'en', purpose: 'accessRequest' },
      privacyOfficer,
    );
    if (!both.ok) throw new Error(JSON.stringify(both.error));
    const again = await kiosk.router.invoke('privacy.listExports', {}, privacyOfficer);
    expect(again.ok && again.value.find((entry) => entry.id === both.value.exportId)).toMatchObject({
      expiresAt: Date.parse('2026-11-06T23:00:00Z'),
    });

    clock.set('2026-11-01T10:00:00Z');
    expect((await kiosk.retention.run()).outcome).toBe('ok');
    expect((await kiosk.exports.purge()).counts).toMatchObject({ deleted: 1 });
    expect(bytesUnder(exportFolder).includes('Exportable')).toBe(true); // the expected visit's copy, until 7 November
    clock.set('2026-11-06T23:00:00Z');
    expect((await kiosk.exports.purge()).counts).toMatchObject({ deleted: 1 });
    expect(bytesUnder(exportFolder).includes('Exportable')).toBe(false);
  });

  it('a copy goes at the same run as its visit: that run erases what is due before the next one, and so does the export purge', async () => {
    const { kiosk, clock, exportFolder, visitId } = await setup();
    await accessCopyOn30October(kiosk, clock, visitId);
    // The visit's deadline is 10:00 UTC on 1 November; the hourly run at 09:00 is the last before it.
    clock.set('2026-11-01T09:00:00Z');
    await expectVisitAndCopyGoneAtThisRun(kiosk, exportFolder);
  });

  it('a shorter period saved later shortens the copies already made: of the visits, and of privacy.exportDays', async () => {
    const { kiosk, clock, exportFolder, visitId } = await setup();
    const save = async (key: string, value: number) =>
      expect(
        await kiosk.router.invoke('settings.save', { changes: [{ key, value }], confirmed: true }, callers.admin),
      ).toMatchObject({ ok: true, value: { outcome: 'saved' } });
    const listed = async (id: number) => {
      const all = await kiosk.router.invoke('privacy.listExports', {}, privacyOfficer);
      return all.ok ? all.value.find((entry) => entry.id === id) : undefined;
    };

    clock.set('2026-05-02T09:00:00Z');
    const first = await accessCopy(kiosk, visitId); // 7 days: 9 May
    await save('privacy.exportDays', 2);
    expect(await listed(first.exportId)).toMatchObject({ expiresAt: Date.parse('2026-05-04T09:00:00Z') });
    clock.set('2026-05-04T09:00:00Z');
    expect((await kiosk.exports.purge()).counts).toMatchObject({ deleted: 1 });

    await save('privacy.exportDays', 28);
    await purgeEvery25Days(kiosk, clock, ['05-26']);
    clock.set('2026-05-30T09:00:00Z');
    const second = await accessCopy(kiosk, visitId); // 28 days: 27 June
    expect(await listed(second.exportId)).toMatchObject({ expiresAt: Date.parse('2026-06-27T09:00:00Z') });
    // One month instead of six: the visit of 1 May 11:00 (Amsterdam) is erased from 1 June 11:00, the copy with it.
    await save('retention.visitMonths', 1);
    expect(await listed(second.exportId)).toMatchObject({ expiresAt: Date.parse('2026-06-01T09:00:00Z') });
    // The export purge alone, the visit still there: the copy goes by the visit's new deadline.
    clock.set('2026-06-01T08:00:00Z');
    expect((await kiosk.exports.purge()).counts).toMatchObject({ deleted: 1 });
    expect(await kiosk.database.get('SELECT count(*) AS n FROM visits')).toEqual({ n: 1 });
    expect(bytesUnder(exportFolder).includes('Exportable')).toBe(false);
  });

  it('a copy of a visit no longer there goes at the next run, whatever erased the visit', async () => {
    const { kiosk, clock, exportFolder, visitId } = await setup();
    clock.set('2026-05-02T09:00:00Z');
    await accessCopy(kiosk, visitId); // 7 days: 9 May
    await kiosk.database.run('DELETE FROM visits WHERE id = ?', [visitId]);
    expect((await kiosk.exports.purge()).counts).toMatchObject({ deleted: 1 });
    expect(bytesUnder(exportFolder).includes('Exportable')).toBe(false);
  });

  it('a police copy made shortly before its originals are due goes with them at the first run after the release', async () => {
    const { kiosk, clock, visitId } = await setup();
    // The file was recorded at 09:30 on 1 May: its 4 weeks end at 09:30 on 29 May.
    clock.set('2026-05-27T13:00:00Z');
    const made = await kiosk.router.invoke(
      'privacy.exportFootage',
      { visitId, reason: 'PV 2026-6', purpose: 'policeRequest', basis: 'legalObligation' },
      callers.admin,
    );
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    expect(made.value.expiresAt).toBe(Date.parse('2026-05-29T09:30:00Z'));
    clock.set('2026-05-30T12:00:00Z');
    expect((await kiosk.exports.purge()).counts).toMatchObject({ due: 1, held: 1, deleted: 0 });
    const [hold] = await kiosk.holds.listActive();
    expect(await kiosk.router.invoke('holds.release', { holdId: hold!.id }, callers.admin)).toMatchObject({ ok: true });
    expect((await kiosk.exports.purge()).counts).toMatchObject({ due: 1, held: 0, deleted: 1 });
    expect(fs.existsSync(made.value.folder)).toBe(false);
  });

  it('a copy of held originals keeps privacy.exportDays: a hold keeps them past their deadline, the copy with them', async () => {
    const { kiosk, clock, visitId } = await setup();
    for (const [channel, input] of [
      ['holds.placeOnVisit', { visitId }],
      ['holds.placeOnFootage', { path: 'entrance/entrance_20260501_113000.mp4' }],
    ] as const) {
      const held = await kiosk.router.invoke(
        channel,
        { ...input, reason: 'Claim 12', basis: 'legalObligation' } as never,
        callers.admin,
      );
      expect(held).toMatchObject({ ok: true });
    }
    await purgeEvery25Days(kiosk, clock, ['05-26', '06-20', '07-15', '08-09', '09-03', '09-28', '10-23', '11-17']);
    expect(await kiosk.database.get('SELECT id FROM visits WHERE id = ?', [visitId])).toBeDefined();
    const copy = await kiosk.router.invoke(
      'privacy.exportVisits',
      { visitIds: [visitId], language: 'en', purpose: 'accessRequest' },
      privacyOfficer,
    );
    if (!copy.ok) throw new Error(JSON.stringify(copy.error));
    const footage = await kiosk.router.invoke(
      'privacy.exportFootage',
      { visitId, reason: 'art. 15 request 9', purpose: 'accessRequest' },
      privacyOfficer,
    );
    if (!footage.ok) throw new Error(JSON.stringify(footage.error));
    expect(footage.value.expiresAt).toBe(Date.parse('2026-11-24T12:00:00Z'));
    const listed = await kiosk.router.invoke('privacy.listExports', {}, privacyOfficer);
    expect(listed.ok && listed.value.find((entry) => entry.id === copy.value.exportId)).toMatchObject({
      expiresAt: Date.parse('2026-11-24T12:00:00Z'),
    });
    expect((await kiosk.exports.purge()).counts).toMatchObject({ due: 0, deleted: 0 });
  });

  it('refuses an --out outside the export folder, also through a symlink inside it', async () => {
    const { kiosk, exportFolder, visitId } = await setup();
    const outside = makeTempDir('elsewhere-');
    for (const outDir of [path.join(outside, 'case'), path.join(exportFolder, '..', 'case'), exportFolder]) {
      expect(
        await kiosk.router.invoke(
          'privacy.exportFootage',
          { visitId, reason: 'r', purpose: 'accessRequest', outDir },
          callers.operator,
        ),
      ).toMatchObject({ ok: false, error: { key: 'privacy.outsideExportFolder' } });
    }
    fs.symlinkSync(outside, path.join(exportFolder, 'link'));
    expect(
      await kiosk.router.invoke(
        'privacy.exportVisits',
        { visitIds: [visitId], language: 'nl', purpose: 'other', out: path.join(exportFolder, 'link', 'copy.html') },
        callers.operator,
      ),
    ).toMatchObject({ ok: false, error: { key: 'privacy.outsideExportFolder' } });
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('the expiry removes a folder swapped for a symlink as the link only, never what it points to', async () => {
    const { kiosk, clock, exportFolder, visitId } = await setup();
    const made = await kiosk.router.invoke(
      'privacy.exportFootage',
      { visitId, reason: 'r', purpose: 'accessRequest' },
      privacyOfficer,
    );
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const outside = makeTempDir('elsewhere-');
    fs.writeFileSync(path.join(outside, 'keep.txt'), 'not ours');
    fs.rmSync(path.join(made.value.folder, 'entrance'), { recursive: true });
    fs.symlinkSync(outside, path.join(made.value.folder, 'entrance'));
    clock.set('2026-05-09T13:00:00Z');
    expect((await kiosk.exports.purge()).counts).toMatchObject({ deleted: 1 });
    expect(fs.readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe('not ours');
    expect(fs.readdirSync(exportFolder)).toEqual([]);
  });

  it("an erasure takes the person's exports with it: no byte of them in the data folder or the export folder", async () => {
    const { kiosk, dataDir, exportFolder, visitId } = await setup();
    for (const purpose of ['accessRequest', 'erasureRequest'] as const) {
      const copy = await kiosk.router.invoke(
        'privacy.exportVisits',
        { visitIds: [visitId], language: 'nl', purpose },
        privacyOfficer,
      );
      expect(copy.ok).toBe(true);
    }
    expect(bytesUnder(exportFolder).includes(Buffer.from('Quirinus'))).toBe(true); // the search finds what is there
    const erased = await kiosk.router.invoke(
      'privacy.eraseVisits',
      { visitIds: [visitId], reason: 'art. 17' },
      privacyOfficer,
    );
    expect(erased).toMatchObject({ ok: true, value: { erased: 1 } });
    for (const folder of [dataDir, exportFolder])
      for (const needle of ['Quirinus', 'Exportable'])
        expect(bytesUnder(folder).includes(Buffer.from(needle)), `${needle} in ${folder}`).toBe(false);
    const listed = await kiosk.router.invoke('privacy.listExports', { includeDeleted: true }, privacyOfficer);
    expect(listed.ok && listed.value.map((record) => record.deletedWhy)).toEqual(['erased', 'erased']);
  });
});
