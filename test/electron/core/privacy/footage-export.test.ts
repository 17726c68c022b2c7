import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../../shared/config';
import { noticeVersion } from '../../../../shared/notice';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const privacyOfficer = { kind: 'staff', staffId: 4, name: 'Pia', role: 'privacy', terminal: 'test-privacy' } as const;

/** A file name in the recorders' "camera_YYYYMMDD_HHMMSS" form, in Amsterdam time (UTC+2 in May). */
function recording(camera: string, utc: string): string {
  const local = new Date(Date.parse(utc) + 2 * 3_600_000).toISOString();
  const stamp = `${local.slice(0, 10).replaceAll('-', '')}_${local.slice(11, 19).replaceAll(':', '')}`;
  return `${camera}/${camera}_${stamp}.mp4`;
}

async function setup(options: { visitCameras?: string[] } = {}) {
  const root = makeTempDir('footage-root-');
  const exportFolder = makeTempDir('exports-');
  const config = kioskConfigSchema.parse({
    retention: { footageDays: 2 },
    footage: { root, maxDeleteShare: 1 },
    privacy: { exportFolder, visitCameras: options.visitCameras ?? [] },
  });
  const clock = manualClock('2026-05-01T09:00:00Z');
  const kiosk = await openTestKiosk({ clock, config });
  await kiosk.router.invoke(
    'visits.signIn',
    visitor({ firstName: 'Zoë', lastName: 'Filmed', noticeVersion: noticeVersion(config) }) as never,
    callers.kiosk,
  );
  const visitId = (await kiosk.database.get<{ id: number }>('SELECT max(id) AS id FROM visits'))!.id;
  clock.set('2026-05-01T10:00:00Z');
  await kiosk.visits.signOutById(visitId);

  const files = {
    early: recording('entrance', '2026-05-01T08:00:00Z'), // an earlier recording of the same camera
    runningInto: recording('entrance', '2026-05-01T08:30:00Z'), // started before the window, runs into it
    during: recording('entrance', '2026-05-01T09:30:00Z'),
    inMargin: recording('entrance', '2026-05-01T10:10:00Z'),
    after: recording('entrance', '2026-05-01T10:20:00Z'),
    yard: recording('yard', '2026-05-01T09:40:00Z'),
  };
  for (const [index, relative] of Object.values(files).entries()) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `video ${index} `.repeat(1000 + index));
    const mtime = new Date('2026-05-01T12:00:00Z');
    fs.utimesSync(file, mtime, mtime);
  }
  for (const folder of ['entrance', 'yard', '.'])
    fs.utimesSync(path.join(root, folder), new Date('2026-05-01T12:00:00Z'), new Date('2026-05-01T12:00:00Z'));
  clock.set('2026-05-02T09:00:00Z');
  expect((await kiosk.footage.scan()).outcome).toBe('ok');
  return { kiosk, clock, root, exportFolder, visitId, files };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('footage of a visit', () => {
  it('lists the recordings overlapping the visit plus the margin, of the configured cameras', async () => {
    const { kiosk, visitId, files } = await setup();
    const all = await kiosk.router.invoke('privacy.visitFootage', { visitId }, privacyOfficer);
    if (!all.ok) throw new Error(all.error.key);
    expect(all.value.files.map((file) => file.path)).toEqual([
      files.runningInto,
      files.during,
      files.inMargin,
      files.yard,
    ]);
    expect(all.value).toMatchObject({
      from: Date.parse('2026-05-01T08:45:00Z'),
      to: Date.parse('2026-05-01T10:15:00Z'),
    });
  });

  it('plays a file of it for the privacy role with a ticket, audited; not for reception', async () => {
    const { kiosk, visitId } = await setup();
    const shown = await kiosk.router.invoke('privacy.visitFootage', { visitId }, privacyOfficer);
    const fileId = shown.ok ? shown.value.files[0]!.id : 0;
    // A ticket belongs to the staff session of the screen that asked: none without an unlocked one.
    expect(await kiosk.router.invoke('privacy.playFootage', { fileId }, callers.operator)).toMatchObject({
      ok: false,
      error: { key: 'api.forbidden' },
    });
    const added = await kiosk.router.invoke(
      'staff.add',
      { name: 'Pia Privacy', role: 'privacy', pin: '739164' },
      callers.operator,
    );
    if (!added.ok) throw new Error(added.error.key);
    const unlock = { staffId: added.value.id, pin: '739164' };
    expect(await kiosk.handle(privacyOfficer.terminal, 'staff.unlock', unlock)).toMatchObject({ ok: true });
    const ticket = await kiosk.router.invoke('privacy.playFootage', { fileId }, privacyOfficer);
    if (!ticket.ok) throw new Error(ticket.error.key);
    const response = await kiosk.media.respond(ticket.value.ticket, undefined);
    expect(response.status).toBe(200);
    expect((await kiosk.audit.list({ action: 'footage.played' }))[0]).toMatchObject({
      actor: 'Pia',
      detail: { fileId },
    });
    expect(await kiosk.router.invoke('privacy.playFootage', { fileId }, callers.receptionist)).toMatchObject({
      ok: false,
      error: { key: 'api.forbidden' },
    });
    expect(await kiosk.router.invoke('privacy.playFootage', { fileId: 9999 }, privacyOfficer)).toMatchObject({
      ok: false,
      error: { key: 'footage.unknownFile' },
    });
  });

  it('leaves out the cameras that are not configured for visits', async () => {
    const { kiosk, visitId, files } = await setup({ visitCameras: ['entrance'] });
    const result = await kiosk.router.invoke('privacy.visitFootage', { visitId }, privacyOfficer);
    expect(result.ok && result.value.files.map((file) => file.path)).toEqual([
      files.runningInto,
      files.during,
      files.inMargin,
    ]);
  });
});

describe('footage export', () => {
  it('copies the files with a manifest whose hashes match, and holds the originals so the purge keeps them', async () => {
    const { kiosk, clock, root, exportFolder, visitId, files } = await setup();
    const out = path.join(exportFolder, 'case-12');
    const result = await kiosk.router.invoke(
      'privacy.exportFootage',
      { visitId, reason: 'police request PV-2026-12', purpose: 'policeRequest', basis: 'legalObligation', outDir: out },
      callers.operator,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ exportedBy: 'operator', reason: 'police request PV-2026-12' });
    expect(manifest.exportedAt).toBe('2026-05-02T09:00:00.000Z');
    expect(manifest.files.map((entry: { file: string }) => entry.file)).toEqual([
      files.runningInto,
      files.during,
      files.inMargin,
      files.yard,
    ]);
    for (const entry of manifest.files) {
      const copy = path.join(out, entry.file);
      expect(sha256(copy)).toBe(entry.sha256);
      expect(entry.sha256).toBe(sha256(path.join(root, entry.file)));
      expect(fs.statSync(copy).size).toBe(entry.size);
      expect(entry.camera).toBe(entry.file.split('/')[0]);
    }
    expect(manifest.files[1].recordedAt).toBe('2026-05-01T09:30:00.000Z');
    expect(manifest.holdIds).toHaveLength(4);

    // Three days on, with two days' retention, the purge deletes everything but the held originals.
    clock.set('2026-05-04T12:00:00Z');
    expect((await kiosk.footage.purge()).outcome).toBe('ok');
    const kept = fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
    expect(kept.sort()).toEqual([files.during, files.inMargin, files.runningInto, files.yard].sort());
    const audit = await kiosk.audit.list({ action: 'privacy.footageExported' });
    expect(audit[0]!.detail).toMatchObject({ count: 4, reason: 'police request PV-2026-12' });
  });

  it('a staff member exports into the configured export folder, never a folder of their own choosing', async () => {
    const { kiosk, exportFolder, files } = await setup();
    const elsewhere = await kiosk.router.invoke(
      'privacy.exportFootage',
      { paths: [files.during], reason: 'access request', purpose: 'accessRequest', outDir: makeTempDir() },
      privacyOfficer,
    );
    expect(elsewhere).toMatchObject({ ok: false, error: { key: 'api.forbidden' } });
    const result = await kiosk.router.invoke(
      'privacy.exportFootage',
      { paths: [files.during], reason: 'access request', purpose: 'accessRequest' },
      privacyOfficer,
    );
    if (!result.ok) throw new Error(result.error.key);
    expect(path.dirname(result.value.folder)).toBe(fs.realpathSync(exportFolder));
    expect(result.value.manifest.exportedBy).toBe('Pia');
    expect(fs.readdirSync(result.value.folder).sort()).toEqual(['entrance', 'manifest.json']);
  });

  it('refuses a file that became a symlink, exports nothing and places no hold', async () => {
    const { kiosk, root, exportFolder, files } = await setup();
    const outside = path.join(makeTempDir('outside-'), 'secret.mp4');
    fs.writeFileSync(outside, 'not footage');
    fs.rmSync(path.join(root, files.yard));
    fs.symlinkSync(outside, path.join(root, files.yard));
    const out = path.join(exportFolder, 'case-13');
    const result = await kiosk.router.invoke(
      'privacy.exportFootage',
      {
        paths: [files.during, files.yard],
        reason: 'police',
        purpose: 'policeRequest',
        basis: 'legalObligation',
        outDir: out,
      },
      callers.operator,
    );
    expect(result).toMatchObject({ ok: false, error: { key: 'privacy.footageUnavailable' } });
    expect(fs.existsSync(out)).toBe(false);
    expect(await kiosk.holds.listActive()).toEqual([]);
  });

  it('refuses a folder of the root that became a symlink to somewhere else', async () => {
    const { kiosk, root, exportFolder, files } = await setup();
    const outside = makeTempDir('outside-');
    fs.cpSync(path.join(root, 'yard'), outside, { recursive: true });
    fs.rmSync(path.join(root, 'yard'), { recursive: true });
    fs.symlinkSync(outside, path.join(root, 'yard'));
    const result = await kiosk.router.invoke(
      'privacy.exportFootage',
      {
        paths: [files.yard],
        reason: 'police',
        purpose: 'policeRequest',
        basis: 'legalObligation',
        outDir: path.join(exportFolder, 'x'),
      },
      callers.operator,
    );
    expect(result).toMatchObject({ ok: false, error: { key: 'privacy.footageUnavailable' } });
  });

  it('refuses a folder that is not empty', async () => {
    const { kiosk, exportFolder, files } = await setup();
    const out = path.join(exportFolder, 'case-14');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'something'), 'x');
    const result = await kiosk.router.invoke(
      'privacy.exportFootage',
      { paths: [files.during], reason: 'police', purpose: 'policeRequest', basis: 'legalObligation', outDir: out },
      callers.operator,
    );
    expect(result).toMatchObject({ ok: false, error: { key: 'privacy.exportFolderNotEmpty' } });
    expect(await kiosk.holds.listActive()).toEqual([]);
  });
});
