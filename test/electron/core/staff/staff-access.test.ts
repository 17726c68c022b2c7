import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, channelNames, type ChannelName } from '../../../../shared/api/contract';
import { defaultConfig } from '../../../../shared/config';
import { createKiosk, type Kiosk } from '../../../../electron/core/kiosk';
import {
  PIN_LOCKOUT_MS,
  SCREEN_FREE_FAILURES,
  SCREEN_LOCK_AFTER,
  SCREEN_WAIT_MS,
} from '../../../../electron/core/staff/staff-service';
import { callers, manualClock, openTestKiosk, TEST_PIN_PARAMS, visitor } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const PIN = '739164';

async function addAccount(kiosk: Kiosk, name: string, role: 'receptionist' | 'security' | 'admin', pin = PIN) {
  const result = await kiosk.router.invoke('staff.add', { name, role, pin }, callers.operator);
  if (!result.ok) throw new Error(result.error.key);
  return result.value.id;
}

/** A fresh install: no staff accounts at all (openTestKiosk adds some). */
function openKioskWithoutStaff(dataDir = makeTempDir(), clock = manualClock('2026-11-24T09:00:00Z')) {
  return createKiosk({ dataDir, config: defaultConfig, clock, logError: () => undefined, pinParams: TEST_PIN_PARAMS });
}

async function unlock(kiosk: Kiosk, terminal: string, staffId: number, pin = PIN) {
  return kiosk.handle(terminal, 'staff.unlock', { staffId, pin });
}

describe('staff access through the router', () => {
  it('without a session, no channel that needs a role answers', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
    const restricted = channelNames.filter((name) => api[name].access !== 'public');
    expect(restricted.length).toBeGreaterThan(5);
    for (const channel of restricted) {
      expect(await kiosk.handle('kiosk-screen', channel, {})).toEqual({
        ok: false,
        error: { key: 'api.unauthenticated' },
      });
    }
  });

  it('a receptionist cannot call a channel meant for security or admin only', async () => {
    const clock = manualClock('2026-11-24T09:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    const receptionist = await addAccount(kiosk, 'Rosa', 'receptionist');
    expect(await unlock(kiosk, 'desk', receptionist)).toMatchObject({ ok: true, value: { role: 'receptionist' } });

    const forbidden = channelNames.filter((name) => {
      const { access } = api[name];
      return access !== 'public' && !access.includes('receptionist');
    });
    expect(forbidden).toEqual(expect.arrayContaining<ChannelName>(['staff.list', 'staff.add', 'audit.list']));
    for (const channel of forbidden) {
      expect(await kiosk.handle('desk', channel, {})).toEqual({ ok: false, error: { key: 'api.forbidden' } });
    }
    expect(await kiosk.handle('desk', 'visits.today', {})).toMatchObject({ ok: true });
    // The session belongs to this terminal only: the kiosk screen next to it stays anonymous.
    expect(await kiosk.handle('kiosk-screen', 'visits.today', {})).toMatchObject({
      error: { key: 'api.unauthenticated' },
    });
  });

  it('a session ends with "lock" and after the idle time, and both are audited', async () => {
    const clock = manualClock('2026-11-24T09:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    const id = await addAccount(kiosk, 'Rosa', 'receptionist');
    await unlock(kiosk, 'desk', id);
    expect(await kiosk.handle('desk', 'staff.lock', {})).toEqual({ ok: true, value: null });
    expect(await kiosk.handle('desk', 'visits.today', {})).toMatchObject({ error: { key: 'api.unauthenticated' } });

    await unlock(kiosk, 'desk', id);
    clock.advance(defaultConfig.idle.staffSeconds * 1000 - 1000);
    expect(await kiosk.handle('desk', 'visits.today', {})).toMatchObject({ ok: true }); // activity renews it
    clock.advance(defaultConfig.idle.staffSeconds * 1000 + 1);
    expect(await kiosk.handle('desk', 'visits.today', {})).toMatchObject({ error: { key: 'api.unauthenticated' } });

    const actions = (await kiosk.audit.list()).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['staff.signedIn', 'staff.locked', 'visits.viewed.today']));
  });

  it('wrong PINs slow and then lock the screen they were typed at, also after a restart', async () => {
    const clock = manualClock('2026-11-24T09:00:00Z');
    const dataDir = makeTempDir();
    const first = await openKioskWithoutStaff(dataDir, clock);
    const id = await addAccount(first, 'Rosa', 'receptionist');
    for (let attempt = 1; attempt <= SCREEN_FREE_FAILURES; attempt++) {
      expect(await unlock(first, 'lobby', id, '000000')).toEqual({ ok: false, error: { key: 'staff.wrongPin' } });
    }
    for (let attempt = SCREEN_FREE_FAILURES + 1; attempt < SCREEN_LOCK_AFTER; attempt++) {
      expect(await unlock(first, 'lobby', id, '000000')).toEqual({
        ok: false,
        error: { key: 'staff.tryAgainShortly', params: { seconds: SCREEN_WAIT_MS / 1000 } },
      });
      expect(await unlock(first, 'lobby', id)).toMatchObject({ ok: false, error: { key: 'staff.tryAgainShortly' } });
      clock.advance(SCREEN_WAIT_MS);
    }
    expect(await unlock(first, 'lobby', id, '000000')).toEqual({
      ok: false,
      error: { key: 'staff.lockedOut', params: { minutes: PIN_LOCKOUT_MS / 60_000 } },
    });
    await first.close();

    const second = await openKioskWithoutStaff(dataDir, clock);
    try {
      clock.advance(PIN_LOCKOUT_MS - 60_000);
      expect(await unlock(second, 'lobby', id)).toEqual({
        ok: false,
        error: { key: 'staff.lockedOut', params: { minutes: 1 } },
      });
      expect(await unlock(second, 'desk', id)).toMatchObject({ ok: true });
      clock.advance(60_000);
      expect(await unlock(second, 'lobby', id)).toMatchObject({ ok: true });
      const actions = (await second.audit.list()).map((entry) => entry.action);
      expect(actions.filter((action) => action === 'staff.pinFailed')).toHaveLength(SCREEN_LOCK_AFTER);
      expect(actions).toContain('staff.screenLocked');
    } finally {
      await second.close();
    }
  }, 120_000);

  it('tries made in parallel at one screen each count: only the free ones are read', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
    const id = await addAccount(kiosk, 'Rosa', 'receptionist');
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, n) => unlock(kiosk, 'lobby', id, String(100000 + n))),
    );
    const keys = guesses.map((result) => (result.ok ? 'ok' : result.error.key));
    expect(keys.filter((key) => key === 'staff.wrongPin')).toHaveLength(SCREEN_FREE_FAILURES);
    expect(keys.filter((key) => key === 'staff.tryAgainShortly')).toHaveLength(12 - SCREEN_FREE_FAILURES);
    expect((await kiosk.audit.list({ action: 'staff.pinFailed' })).length).toBe(SCREEN_FREE_FAILURES + 1);
    expect(await unlock(kiosk, 'desk', id)).toMatchObject({ ok: true });
  }, 120_000);

  it('disabling an account or changing what it may do ends its open session at once', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
    const rosa = await addAccount(kiosk, 'Rosa', 'receptionist');
    await unlock(kiosk, 'desk', rosa);
    expect(await kiosk.handle('desk', 'visits.today', {})).toMatchObject({ ok: true });
    await kiosk.router.invoke('staff.setDisabled', { staffId: rosa, disabled: true }, callers.admin);
    expect(await kiosk.handle('desk', 'visits.today', {})).toMatchObject({ error: { key: 'api.unauthenticated' } });
    expect((await kiosk.audit.list({ action: 'staff.locked' }))[0]).toMatchObject({
      actor: 'Rosa',
      detail: { reason: 'accountChanged' },
    });
  });

  it("a PIN reset ends the account's open sessions at once, but not the screen of the admin who resets their own", async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
    const rosa = await addAccount(kiosk, 'Rosa', 'receptionist');
    const anne = await addAccount(kiosk, 'Anne', 'admin');
    await unlock(kiosk, 'desk', rosa);
    await unlock(kiosk, 'lobby', rosa);
    await unlock(kiosk, 'office', anne);
    await unlock(kiosk, 'back-office', anne);
    const reset = (terminal: string, staffId: number) =>
      kiosk.handle(terminal, 'staff.resetPin', { staffId, pin: '802417' });
    expect(await reset('office', rosa)).toMatchObject({ ok: true });
    for (const terminal of ['desk', 'lobby'])
      expect(await kiosk.handle(terminal, 'visits.today', {})).toMatchObject({ error: { key: 'api.unauthenticated' } });
    expect((await kiosk.audit.list({ action: 'staff.locked' })).map((entry) => [entry.actor, entry.detail])).toEqual([
      ['Rosa', { reason: 'pinReset' }],
      ['Rosa', { reason: 'pinReset' }],
    ]);
    expect(await reset('office', anne)).toMatchObject({ ok: true });
    expect(await kiosk.handle('office', 'staff.list', {})).toMatchObject({ ok: true });
    expect(await kiosk.handle('back-office', 'staff.list', {})).toMatchObject({
      error: { key: 'api.unauthenticated' },
    });
  });

  it('a PIN reset by another process (the CLI) ends the open sessions at their next call', async () => {
    const clock = manualClock('2026-11-24T09:00:00Z');
    const dataDir = makeTempDir();
    const app = await openTestKiosk({ clock, dataDir });
    const rosa = await addAccount(app, 'Rosa', 'receptionist');
    await unlock(app, 'desk', rosa);
    expect(await app.handle('desk', 'visits.today', {})).toMatchObject({ ok: true });
    // The CLI opens the same data folder with sessions of its own (none).
    const cli = await openTestKiosk({ clock, dataDir });
    expect(await cli.router.invoke('staff.resetPin', { staffId: rosa, pin: '802417' }, callers.operator)).toMatchObject(
      {
        ok: true,
      },
    );
    expect(await app.handle('desk', 'visits.today', {})).toMatchObject({ error: { key: 'api.unauthenticated' } });
    expect((await app.audit.list({ action: 'staff.locked' }))[0]).toMatchObject({
      actor: 'Rosa',
      detail: { reason: 'pinReset' },
    });
    // The new PIN unlocks again, and stays unlocked.
    expect(await unlock(app, 'desk', rosa, '802417')).toMatchObject({ ok: true });
    expect(await app.handle('desk', 'visits.today', {})).toMatchObject({ ok: true });
  });

  it('background refreshes do not keep a session alive; the core ends it and audits that', async () => {
    const clock = manualClock('2026-11-24T09:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    const id = await addAccount(kiosk, 'Rosa', 'receptionist');
    await unlock(kiosk, 'desk', id);
    for (let refresh = 0; refresh < 30; refresh++) {
      clock.advance(5_000);
      await kiosk.handle('desk', 'visits.today', {}, { background: true });
    }
    expect(await kiosk.handle('desk', 'visits.today', {}, { background: true })).toMatchObject({
      error: { key: 'api.unauthenticated' },
    });
    expect((await kiosk.audit.list({ action: 'staff.locked' }))[0]).toMatchObject({
      actor: 'Rosa',
      detail: { reason: 'expired' },
    });
  });

  it('a disabled account cannot unlock, and the last admin cannot be disabled', async () => {
    const kiosk = await openKioskWithoutStaff();
    try {
      const admin = await addAccount(kiosk, 'Ada', 'admin');
      const rosa = await addAccount(kiosk, 'Rosa', 'receptionist');
      expect(
        await kiosk.router.invoke('staff.setDisabled', { staffId: admin, disabled: true }, callers.operator),
      ).toEqual({
        ok: false,
        error: { key: 'staff.lastAdmin' },
      });
      await kiosk.router.invoke('staff.setDisabled', { staffId: rosa, disabled: true }, callers.operator);
      expect(await unlock(kiosk, 'desk', rosa)).toEqual({ ok: false, error: { key: 'staff.wrongPin' } });
      expect(await unlock(kiosk, 'desk', admin)).toMatchObject({ ok: true, value: { name: 'Ada' } });
    } finally {
      await kiosk.close();
    }
  });

  it('the first-run screen creates the first admin only while there is none', async () => {
    const kiosk = await openKioskWithoutStaff();
    try {
      expect(await kiosk.handle('screen', 'staff.setupStatus', {})).toEqual({
        ok: true,
        value: { needsFirstAdmin: true },
      });
      expect(await kiosk.handle('screen', 'staff.createFirstAdmin', { name: 'Ada', pin: '12345' })).toMatchObject({
        ok: false,
        error: { fields: { pin: 'pin.invalid' } },
      });
      expect(await kiosk.handle('screen', 'staff.createFirstAdmin', { name: 'Ada', pin: PIN })).toMatchObject({
        ok: true,
        value: { name: 'Ada', role: 'admin' },
      });
      expect(await kiosk.handle('screen', 'staff.list', {})).toMatchObject({ ok: true }); // unlocked as that admin
      expect(await kiosk.handle('other', 'staff.createFirstAdmin', { name: 'Eve', pin: PIN })).toEqual({
        ok: false,
        error: { key: 'staff.adminExists' },
      });
    } finally {
      await kiosk.close();
    }
  });

  it('a PIN never appears in the database files, the log, an error or the audit log', async () => {
    const errors: unknown[] = [];
    const dataDir = makeTempDir();
    const kiosk = await createKiosk({
      dataDir,
      config: defaultConfig,
      clock: manualClock('2026-11-24T09:00:00Z'),
      logError: (error) => errors.push(error),
      pinParams: TEST_PIN_PARAMS,
    });
    const admin = await addAccount(kiosk, 'Ada', 'admin', '864205');
    const rosa = await addAccount(kiosk, 'Rosa', 'receptionist');
    const results = [
      await unlock(kiosk, 'desk', rosa, '246813'),
      await unlock(kiosk, 'desk', rosa),
      await unlock(kiosk, 'office', admin, '864205'),
      await kiosk.handle('office', 'staff.resetPin', { staffId: rosa, pin: '975318' }),
      await kiosk.handle('desk', 'staff.unlock', { staffId: rosa, pin: 'not-a-pin-739164' }),
    ];
    expect(results.map((result) => result.ok)).toEqual([false, true, true, true, false]);
    const audit = await kiosk.audit.list();
    const bytes = () =>
      ['kiosk.sqlite3', 'kiosk.sqlite3-wal']
        .filter((name) => fs.existsSync(path.join(dataDir, name)))
        .map((name) => fs.readFileSync(path.join(dataDir, name)).toString('latin1'))
        .join('');
    const onDisk = bytes();
    // An internal error while a PIN is being checked: the report must not carry it either.
    await kiosk.database.close();
    results.push(await kiosk.handle('desk', 'staff.unlock', { staffId: rosa, pin: '975318' }));
    expect(results.at(-1)).toEqual({ ok: false, error: { key: 'internal' } });
    expect(errors).toHaveLength(1);
    const everything = [
      onDisk,
      JSON.stringify(results),
      JSON.stringify(audit),
      errors.map((error) => `${String(error)} ${(error as Error).stack}`).join(),
    ].join('\n');
    for (const pin of [PIN, '246813', '975318', '864205']) expect(everything).not.toContain(pin);
    expect(audit.length).toBeGreaterThan(2);
  });
});

describe('the reception desk', () => {
  async function receptionDesk() {
    const clock = manualClock('2026-11-24T08:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    const id = await addAccount(kiosk, 'Rosa', 'receptionist');
    await unlock(kiosk, 'desk', id);
    return { kiosk, clock };
  }

  it('views of personal data are audited once per session, with counts and never names', async () => {
    const { kiosk } = await receptionDesk();
    await kiosk.handle('kiosk', 'visits.signIn', visitor({ firstName: 'Uniquename', company: 'Secretco' }));
    for (let refresh = 0; refresh < 3; refresh++) await kiosk.handle('desk', 'visits.today', {});
    await kiosk.handle('desk', 'visits.evacuation', {});
    await kiosk.handle('desk', 'visits.evacuationCsv', { language: 'nl' });
    await kiosk.handle('desk', 'visits.evacuationPrinted', { count: 1 });
    const audit = await kiosk.audit.list();
    const actions = audit.map((entry) => entry.action);
    expect(actions.filter((action) => action === 'visits.viewed.today')).toHaveLength(1);
    expect(actions).toEqual(expect.arrayContaining(['visits.viewed.evacuation', 'visits.exported', 'visits.printed']));
    expect(audit.find((entry) => entry.action === 'visits.exported')).toMatchObject({
      actor: 'Rosa',
      detail: { list: 'evacuation', count: 1 },
    });
    expect(JSON.stringify(audit)).not.toMatch(/Uniquename|Secretco/);
  });

  it('signs a visitor out on their behalf, once', async () => {
    const { kiosk } = await receptionDesk();
    await kiosk.handle('kiosk', 'visits.signIn', visitor());
    const [visit] = (await kiosk.visits.today()).visits;
    expect(await kiosk.handle('desk', 'visits.signOutById', { visitId: visit!.id })).toMatchObject({
      ok: true,
      value: { signOutMethod: 'staff' },
    });
    expect(await kiosk.handle('desk', 'visits.signOutById', { visitId: visit!.id })).toEqual({
      ok: false,
      error: { key: 'visit.notOnSite' },
    });
    expect(await kiosk.handle('desk', 'visits.signOutById', { visitId: 4242 })).toEqual({
      ok: false,
      error: { key: 'visit.unknown' },
    });
  });

  it('registers a visitor by hand with the kiosk’s validation', async () => {
    const { kiosk } = await receptionDesk();
    expect(await kiosk.handle('desk', 'visits.register', visitor({ plate: 'gb123x' }))).toMatchObject({ ok: true });
    expect(await kiosk.handle('desk', 'visits.register', visitor({ firstName: '<b>' }))).toMatchObject({
      ok: false,
      error: { fields: { firstName: 'name.invalidCharacters' } },
    });
    expect((await kiosk.visits.today()).visits.map((visit) => visit.plate)).toEqual(['GB-123-X']);
  });

  it('exports the evacuation list as CSV that a spreadsheet opens safely', async () => {
    const { kiosk } = await receptionDesk();
    await kiosk.handle(
      'kiosk',
      'visits.signIn',
      visitor({ firstName: 'Zoë', company: '=HYPERLINK("http://x")', plate: '12abc3' }),
    );
    const result = await kiosk.handle('desk', 'visits.evacuationCsv', { language: 'en' });
    if (!result.ok) throw new Error(result.error.key);
    const { csv, fileName, count } = result.value as { csv: string; fileName: string; count: number };
    expect(fileName).toBe('evacuation-list-2026-11-24-0900.csv');
    expect(count).toBe(1);
    expect(csv.startsWith('\uFEFFFirst name,Last name,Company,Licence plate,Signed in\r\n')).toBe(true);
    expect(csv).toContain(`Zoë,de Vries,"'=HYPERLINK(""http://x"")",12-ABC-3,24/11/2026 09:00\r\n`);
  });
});

describe('the automatic sign-out', () => {
  it('runs at start-up to catch up on a day missed while the kiosk was off, and is audited', async () => {
    const clock = manualClock('2026-11-23T09:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    await kiosk.handle('kiosk', 'visits.signIn', visitor());
    clock.set('2026-11-24T09:00:00Z');
    kiosk.startBackgroundJobs();
    await expect.poll(async () => (await kiosk.visits.onSite()).visits.length).toBe(0);
    await expect
      .poll(async () => (await kiosk.audit.list()).map((entry) => entry.action))
      .toContain('visits.autoSignedOut');
  });

  it('signs out who forgot, at the configured time of their day, also when it runs late', async () => {
    const clock = manualClock('2026-11-24T09:00:00Z'); // 10:00 in Amsterdam
    const kiosk = await openTestKiosk({ clock });
    await kiosk.handle('kiosk', 'visits.signIn', visitor({ firstName: 'Forgot' }));
    clock.set('2026-11-24T22:59:30Z'); // 23:59:30, after the cut-off
    await kiosk.handle('kiosk', 'visits.signIn', visitor({ firstName: 'Late' }));
    clock.set('2026-11-26T12:00:00Z'); // the kiosk was off for a day and a half
    expect(await kiosk.visits.signOutForgotten()).toBe(2);
    const rows = await kiosk.database.all<{ first_name: string; signed_out_at: number; sign_out_method: string }>(
      'SELECT first_name, signed_out_at, sign_out_method FROM visits ORDER BY id',
    );
    expect(rows).toEqual([
      { first_name: 'Forgot', signed_out_at: Date.parse('2026-11-24T22:59:00Z'), sign_out_method: 'automatic' },
      { first_name: 'Late', signed_out_at: Date.parse('2026-11-25T22:59:00Z'), sign_out_method: 'automatic' },
    ]);
    expect(await kiosk.visits.signOutForgotten()).toBe(0);
  });

  it('leaves visitors alone before the time', async () => {
    const clock = manualClock('2026-11-24T09:00:00Z');
    const kiosk = await openTestKiosk({ clock, config: { ...defaultConfig, reception: { autoSignOutAt: '18:00' } } });
    await kiosk.handle('kiosk', 'visits.signIn', visitor());
    clock.set('2026-11-24T16:59:00Z'); // 17:59 local
    expect(await kiosk.visits.signOutForgotten()).toBe(0);
    clock.set('2026-11-24T17:00:00Z'); // 18:00 local
    expect(await kiosk.visits.signOutForgotten()).toBe(1);
    expect((await kiosk.visits.onSite()).visits).toEqual([]);
  });
});
