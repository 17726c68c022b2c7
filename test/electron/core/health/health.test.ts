import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../../../shared/config';
import type { HealthState } from '../../../../shared/api/health';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';
import { noticeVersion } from '../../../../shared/notice';

const HOUR = 60 * 60 * 1000;

async function healthOf(kiosk: Awaited<ReturnType<typeof openTestKiosk>>): Promise<HealthState> {
  const result = await kiosk.router.invoke('health.current', {}, callers.receptionist);
  if (!result.ok) throw new Error(result.error.key);
  return result.value;
}

/** A kiosk with a footage folder holding one recording, so the footage jobs are expected. */
function footageConfig(overrides: Partial<KioskConfig['footage']> = {}): KioskConfig {
  const root = makeTempDir('footage-');
  fs.mkdirSync(path.join(root, 'gate'));
  const file = path.join(root, 'gate', 'gate_20261120_101500.mp4');
  fs.writeFileSync(file, 'x');
  fs.utimesSync(file, new Date('2026-11-20T09:20:00Z'), new Date('2026-11-20T09:20:00Z'));
  return { ...defaultConfig, footage: { ...defaultConfig.footage, root, ...overrides } };
}

describe('health.current on a real database', () => {
  it('every staff role may read it; the anonymous kiosk may not', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T10:00:00Z') });
    for (const caller of [callers.receptionist, callers.security, callers.admin, callers.operator]) {
      expect((await kiosk.router.invoke('health.current', {}, caller)).ok).toBe(true);
    }
    expect(await kiosk.router.invoke('health.current', {}, callers.kiosk)).toMatchObject({
      ok: false,
      error: { key: 'api.unauthenticated' },
    });
  });

  it('a kiosk without a footage root does not keep the 4 weeks the notice promises', async () => {
    const clock = manualClock('2026-11-24T10:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    await kiosk.retention.run();
    expect(await healthOf(kiosk)).toEqual({
      checkedAt: Date.parse('2026-11-24T10:00:00Z'),
      problems: [{ key: 'footageNotEnforced', params: { days: 28 }, since: Date.parse('2026-11-24T10:00:00Z') }],
    });
  });

  it('a clock-blocked visit purge: why, since its first block, and how many visits wait; gone once confirmed', async () => {
    const clock = manualClock('2026-03-01T10:00:00Z');
    const kiosk = await openTestKiosk({ clock, config: footageConfig() });
    expect((await kiosk.handle('kiosk', 'visits.signIn', visitor())).ok).toBe(true);
    await kiosk.retention.run();
    await kiosk.footage.purge();

    clock.set('2026-11-24T10:00:00Z'); // nothing seen for almost nine months
    expect((await kiosk.retention.run()).outcome).toBe('blocked');
    clock.advance(HOUR);
    await kiosk.retention.run({ dryRun: true });
    clock.advance(HOUR);
    expect(await kiosk.retention.run()).toMatchObject({
      outcome: 'blocked',
      reason: { key: 'run.awaitingConfirmation' },
    });

    const blocked = (await healthOf(kiosk)).problems.find((problem) => problem.key === 'retentionBlocked');
    expect(blocked).toEqual({
      key: 'retentionBlocked',
      params: { job: 'visitPurge', reason: 'clockFarAhead', waiting: 1 },
      since: Date.parse('2026-11-24T10:00:00Z'),
    });

    const confirmed = await kiosk.router.invoke('retention.confirmClock', {}, callers.admin);
    expect(confirmed).toMatchObject({ ok: true, value: { outcome: 'ok', counts: { erased: 1 } } });
    expect((await healthOf(kiosk)).problems.map((problem) => problem.key)).not.toContain('retentionBlocked');
  });

  it("counts a waiting visit by the period it was shown at sign-in when that is shorter than today's", async () => {
    const clock = manualClock('2026-03-01T10:00:00Z');
    const dataDir = makeTempDir('health-data-');
    const shown = { ...defaultConfig, retention: { ...defaultConfig.retention, visitMonths: 3 } };
    let kiosk = await openTestKiosk({ clock, config: shown, dataDir });
    expect((await kiosk.handle('kiosk', 'visits.signIn', visitor({ noticeVersion: noticeVersion(shown) }))).ok).toBe(
      true,
    );
    await kiosk.retention.run();
    await kiosk.close();

    // Due on 1 June (3 months); the setting is 6 months by now, not for this visit.
    clock.set('2026-07-24T10:00:00Z');
    kiosk = await openTestKiosk({ clock, config: defaultConfig, dataDir });
    expect((await kiosk.retention.run()).outcome).toBe('blocked');
    const blocked = (await healthOf(kiosk)).problems.find((problem) => problem.key === 'retentionBlocked');
    expect(blocked).toMatchObject({ params: { job: 'visitPurge', waiting: 1 } });
  });

  it('counts a visit of 31 August as waiting from 28 February on, its deadline six months on', async () => {
    const clock = manualClock('2026-08-31T08:00:00Z'); // 10:00 in Amsterdam
    const kiosk = await openTestKiosk({ clock, config: footageConfig() });
    expect((await kiosk.handle('kiosk', 'visits.signIn', visitor())).ok).toBe(true);
    await kiosk.retention.run();
    await kiosk.footage.purge();

    // Due 28 February 2027 10:00 (there is no 31 February); the kiosk was off until the afternoon.
    clock.set('2027-02-28T13:00:00Z');
    expect((await kiosk.retention.run()).outcome).toBe('blocked');
    const blocked = (await healthOf(kiosk)).problems.find((problem) => problem.key === 'retentionBlocked');
    expect(blocked).toMatchObject({ params: { job: 'visitPurge', waiting: 1 } });
  });

  it('no successful visit purge or footage scan for more than 24 hours', async () => {
    const clock = manualClock('2026-11-24T10:00:00Z');
    const kiosk = await openTestKiosk({ clock, config: footageConfig() });
    expect((await kiosk.retention.run()).outcome).toBe('ok');
    expect((await kiosk.footage.scan()).outcome).toBe('ok');
    clock.advance(24 * HOUR);
    expect((await healthOf(kiosk)).problems).toEqual([]);

    clock.advance(2 * HOUR);
    expect((await healthOf(kiosk)).problems).toEqual([
      { key: 'runMissing', params: { job: 'visitPurge', hours: 26 }, since: Date.parse('2026-11-25T10:00:00Z') },
      { key: 'runMissing', params: { job: 'footageScan', hours: 26 }, since: Date.parse('2026-11-25T10:00:00Z') },
    ]);
    await kiosk.retention.run();
    await kiosk.footage.scan();
    expect((await healthOf(kiosk)).problems).toEqual([]);
  });

  it('a footage purge blocked by the root (marker file missing) raises "footage root unavailable" until it is back', async () => {
    const clock = manualClock('2026-11-24T10:00:00Z');
    const config = footageConfig({ markerFile: 'RECORDER' });
    const kiosk = await openTestKiosk({ clock, config });
    await kiosk.retention.run();
    expect(await kiosk.footage.purge()).toMatchObject({ outcome: 'blocked' });
    clock.advance(HOUR);
    await kiosk.footage.purge();
    expect((await healthOf(kiosk)).problems).toEqual([
      { key: 'footageRootUnavailable', params: { reason: 'markerMissing' }, since: Date.parse('2026-11-24T10:00:00Z') },
    ]);

    fs.writeFileSync(path.join(config.footage.root!, 'RECORDER'), '');
    expect(await kiosk.footage.purge()).toMatchObject({ outcome: 'ok' });
    expect((await healthOf(kiosk)).problems).toEqual([]);
  });
});
