import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../shared/config';
import { createKiosk } from '../../../../electron/core/kiosk';
import { callers, manualClock, TEST_PIN_PARAMS } from '../../../helpers/kiosk';
import { runCli } from '../../../helpers/cli';
import { makeTempDir } from '../../../helpers/temp-dir';

const PIN = '739164';

async function openKiosk(dataDir: string) {
  return createKiosk({
    dataDir,
    config: defaultConfig,
    clock: manualClock('2026-11-24T09:00:00Z'),
    logError: () => undefined,
    pinParams: TEST_PIN_PARAMS,
  });
}

describe('first run', () => {
  it('is offered only while the staff table is empty, not when the only admin is disabled', async () => {
    const dataDir = makeTempDir();
    const kiosk = await openKiosk(dataDir);
    try {
      const ada = await kiosk.router.invoke('staff.add', { name: 'Ada', role: 'admin', pin: PIN }, callers.operator);
      await kiosk.router.invoke('staff.add', { name: 'Rosa', role: 'receptionist', pin: '502817' }, callers.operator);
      if (!ada.ok) throw new Error(ada.error.key);
      // The only admin switched off behind the kiosk's back (the kiosk itself refuses to do it).
      await kiosk.database.run('UPDATE staff SET disabled_at = 1 WHERE id = ?', [ada.value.id]);

      expect(await kiosk.handle('screen', 'staff.setupStatus', {})).toEqual({
        ok: true,
        value: { needsFirstAdmin: false },
      });
      expect(await kiosk.handle('screen', 'staff.createFirstAdmin', { name: 'Eve', pin: '864205' })).toEqual({
        ok: false,
        error: { key: 'staff.adminExists' },
      });
      expect(await kiosk.database.get('SELECT count(*) AS n FROM staff')).toEqual({ n: 2 });
      expect(await kiosk.handle('screen', 'staff.list', {})).toEqual({
        ok: false,
        error: { key: 'api.unauthenticated' },
      });
    } finally {
      await kiosk.close();
    }

    // Whoever holds the data folder restores an admin from the command line.
    const restored = runCli(
      ['staff', 'add', '--name', 'Ada Nieuw', '--role', 'admin', '--data-dir', dataDir],
      '864205\n',
    );
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    const again = await openKiosk(dataDir);
    try {
      const list = await again.router.invoke('staff.list', {}, callers.operator);
      const id = list.ok ? list.value.find((account) => account.name === 'Ada Nieuw')!.id : 0;
      expect(await again.handle('screen', 'staff.unlock', { staffId: id, pin: '864205' })).toMatchObject({
        ok: true,
        value: { role: 'admin' },
      });
    } finally {
      await again.close();
    }
  });
});
