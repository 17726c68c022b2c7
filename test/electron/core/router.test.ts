import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../../electron/core/router';
import { UserError } from '../../../electron/core/user-error';
import { callers, manualClock, openTestKiosk, visitor } from '../../helpers/kiosk';

describe('router', () => {
  it('refuses channels that are not declared', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
    for (const channel of ['visits.delete', '__proto__', 'constructor', 'toString', '', 42, null]) {
      expect(await kiosk.router.invokeUntrusted(channel, {}, callers.operator)).toEqual({
        ok: false,
        error: { key: 'api.unknownChannel' },
      });
    }
  });

  it.each([
    ['kiosk', { ok: false, error: { key: 'api.unauthenticated' } }],
    ['security', { ok: false, error: { key: 'api.forbidden' } }],
    ['receptionist', { ok: true }],
    ['admin', { ok: true }],
    ['operator', { ok: true }],
  ])("today's list as %s", async (who, expected) => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
    await kiosk.router.invoke('visits.signIn', visitor(), callers.kiosk);
    expect(await kiosk.router.invoke('visits.today', {}, callers[who as keyof typeof callers])).toMatchObject(expected);
  });

  it('checks the role before it looks at the input', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
    expect(await kiosk.router.invokeUntrusted('visits.today', 'garbage', callers.kiosk)).toEqual({
      ok: false,
      error: { key: 'api.unauthenticated' },
    });
  });

  it('turns an unexpected error into a message key and reports it, without the stack', async () => {
    const reported: unknown[] = [];
    const boom = async () => {
      throw new Error('SQLITE_IOERR: disk I/O error at /secret/path');
    };
    const handlers = {
      'notice.current': boom,
      'visits.signIn': boom,
      'visits.signOut': async () => {
        throw new UserError({ key: 'visit.unknownCode' });
      },
      'visits.today': boom,
    } as unknown as Handlers;
    const router = createRouter(handlers, (error) => reported.push(error));
    const result = await router.invokeUntrusted('notice.current', {}, callers.kiosk);
    expect(result).toEqual({ ok: false, error: { key: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|secret|at /);
    expect(reported).toHaveLength(1);
    expect(await router.invokeUntrusted('visits.signOut', { code: 'AAAAAA' }, callers.kiosk)).toEqual({
      ok: false,
      error: { key: 'visit.unknownCode' },
    });
  });
});
