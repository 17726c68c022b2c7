import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../../../shared/config';
import type { HealthProblem } from '../../../../shared/api/health';
import { describeProblem } from '../../../../shared/health-texts';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const DAY = 24 * 60 * 60 * 1000;

/** A real footage tree, with one gate recording of 2026-03-01 (expired by November). */
function footageConfig(): { config: KioskConfig; root: string; oldFile: string } {
  const root = makeTempDir('footage-');
  const oldFile = recording(root, 'gate_20260301_090000.mp4', '2026-03-01T08:05:00Z');
  // Over the share at once is a backlog of its own: this test is about the clock, not a large deletion.
  return {
    config: { ...defaultConfig, footage: { ...defaultConfig.footage, root, maxDeleteShare: 1 } },
    root,
    oldFile,
  };
}

function recording(root: string, name: string, at: string): string {
  const file = path.join(root, 'gate', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'x');
  fs.utimesSync(file, new Date(at), new Date(at));
  return file;
}

const footageAlarm = (problems: HealthProblem[]) =>
  problems.find((problem) => problem.key === 'retentionBlocked' && problem.params.job === 'footagePurge');

describe('the footage alarm after the admin confirmed the clock', () => {
  it('names "delete expired footage now" in Retention, which works for the admin and clears the alarm', async () => {
    const clock = manualClock('2026-03-01T10:00:00Z');
    const { config, root, oldFile } = footageConfig();
    const kiosk = await openTestKiosk({ clock, config });
    expect((await kiosk.handle('kiosk', 'visits.signIn', visitor())).ok).toBe(true);
    expect((await kiosk.retention.run()).outcome).toBe('ok');
    expect((await kiosk.footage.purge()).outcome).toBe('ok');

    clock.set('2026-11-24T10:00:00Z'); // nothing seen for almost nine months: both purges wait
    const recentFile = recording(root, 'gate_20261124_080000.mp4', '2026-11-24T07:05:00Z');
    expect((await kiosk.retention.run()).outcome).toBe('blocked');
    expect((await kiosk.footage.purge()).outcome).toBe('blocked');
    expect(await kiosk.router.invoke('retention.confirmClock', {}, callers.admin)).toMatchObject({
      ok: true,
      value: { outcome: 'ok' },
    });

    const health = await kiosk.router.invoke('health.current', {}, callers.receptionist);
    if (!health.ok) throw new Error(health.error.key);
    const alarm = footageAlarm(health.value.problems);
    expect(alarm).toBeDefined();
    // The time was confirmed: Retention has no confirm button any more, so the alarm may not ask for it.
    expect(await kiosk.router.invoke('retention.status', {}, callers.admin)).toMatchObject({
      ok: true,
      value: { blocked: null },
    });
    const en = describeProblem(alarm!, 'en', 'UTC').todo;
    const nl = describeProblem(alarm!, 'nl', 'UTC').todo;
    expect(en).not.toMatch(/confirm the time/);
    expect(nl).not.toMatch(/tijd te bevestigen/);
    expect(en).toContain('"Delete expired footage now"');
    expect(nl).toContain('"Verlopen camerabeelden nu verwijderen"');

    clock.advance(DAY / 24);
    const purged = await kiosk.router.invoke('footage.purge', {}, callers.admin);
    expect(purged).toMatchObject({ ok: true, value: { outcome: 'ok', counts: { deleted: 1 } } });
    expect(fs.existsSync(oldFile)).toBe(false);
    expect(fs.existsSync(recentFile)).toBe(true);
    expect((await kiosk.audit.list({ action: 'footage.purgeRequested' }))[0]).toMatchObject({ actor: 'Ada' });
    const after = await kiosk.router.invoke('health.current', {}, callers.receptionist);
    expect(after.ok && footageAlarm(after.value.problems)).toBeUndefined();
  });
});
