import { describe, expect, it } from 'vitest';
import { api, channelNames } from '../../../../shared/api/contract';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';

// Staff unlock with a personal staff number and a PIN: the public screen never lists who works here.
describe('the unlock screen publishes no staff list', () => {
  it('no public channel answers a visitor with a staff name, and there is no directory channel', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
    const added = await kiosk.router.invoke(
      'staff.add',
      { name: 'Rosa Receptie', role: 'receptionist', pin: '731942' },
      callers.operator,
    );
    if (!added.ok) throw new Error(added.error.key);
    const names = ['Rosa Receptie', callers.receptionist.name, callers.security.name, callers.admin.name];

    expect(await kiosk.handle('screen', 'staff.directory', {})).toEqual({
      ok: false,
      error: { key: 'api.unknownChannel' },
    });
    const answers: unknown[] = [];
    for (const channel of channelNames.filter((name) => api[name].access === 'public')) {
      answers.push(await kiosk.handle('screen', channel, {}));
    }
    answers.push(await kiosk.handle('screen', 'visits.signIn', visitor()));
    // A wrong PIN, an unknown number and a disabled account all answer alike, without a name.
    answers.push(await kiosk.handle('screen', 'staff.unlock', { staffId: added.value.id, pin: '000001' }));
    answers.push(await kiosk.handle('screen', 'staff.unlock', { staffId: 999, pin: '000001' }));
    const text = JSON.stringify(answers);
    for (const name of names) expect(text).not.toContain(name);
    expect(answers.at(-1)).toEqual(answers.at(-2));

    // The step that reveals a name is the unlock itself, with the right PIN.
    expect(await kiosk.handle('screen', 'staff.unlock', { staffId: added.value.id, pin: '731942' })).toMatchObject({
      ok: true,
      value: { name: 'Rosa Receptie', staffId: added.value.id },
    });
  });
});
