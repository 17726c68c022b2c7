import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../shared/config';
import { translate } from '../../../../shared/messages';
import { isTrivialPin } from '../../../../shared/validation/staff-schemas';
import { createKiosk } from '../../../../electron/core/kiosk';
import { manualClock, TEST_PIN_PARAMS } from '../../../helpers/kiosk';
import { runCli } from '../../../helpers/cli';
import { makeTempDir } from '../../../helpers/temp-dir';

const TRIVIAL = ['000000', '777777777', '123456', '654321', '0123456789', '987654', '3456789012', '210987'];
const FINE = ['739164', '112233', '135790', '123457', '864205'];

describe('trivial PINs', () => {
  it('are all one digit, or a run up or down', () => {
    expect(TRIVIAL.filter((pin) => !isTrivialPin(pin))).toEqual([]);
    expect(FINE.filter(isTrivialPin)).toEqual([]);
  });

  it('are refused with a translated message on the first-run screen, by staff add and by reset-pin', async () => {
    const kiosk = await createKiosk({
      dataDir: makeTempDir(),
      config: defaultConfig,
      clock: manualClock('2026-11-24T09:00:00Z'),
      logError: () => undefined,
      pinParams: TEST_PIN_PARAMS,
    });
    try {
      const refused = { ok: false, error: { key: 'validation.failed', fields: { pin: 'pin.trivial' } } };
      expect(await kiosk.handle('screen', 'staff.createFirstAdmin', { name: 'Ada', pin: '123456' })).toEqual(refused);
      expect(await kiosk.handle('screen', 'staff.createFirstAdmin', { name: 'Ada', pin: '739164' })).toMatchObject({
        ok: true,
      });
      expect(await kiosk.handle('screen', 'staff.add', { name: 'Rosa', role: 'receptionist', pin: '111111' })).toEqual(
        refused,
      );
      const rosa = await kiosk.handle('screen', 'staff.add', { name: 'Rosa', role: 'receptionist', pin: '502817' });
      const rosaId = rosa.ok ? (rosa.value as { id: number }).id : 0;
      expect(await kiosk.handle('screen', 'staff.resetPin', { staffId: rosaId, pin: '654321' })).toEqual(refused);
      expect(await kiosk.database.get('SELECT count(*) AS n FROM staff')).toEqual({ n: 2 });
      expect(translate('pin.trivial', 'nl')).not.toBe(translate('pin.trivial', 'en'));
    } finally {
      await kiosk.close();
    }
  });

  it('are refused by the CLI, which changes nothing', () => {
    const dataDir = makeTempDir();
    const add = runCli(['staff', 'add', '--name', 'Ada', '--role', 'admin', '--data-dir', dataDir], '999999\n');
    expect(add.code).toBe(2);
    expect(add.stderr).toContain(translate('pin.trivial', 'en'));
    expect(runCli(['staff', 'add', '--name', 'Ada', '--role', 'admin', '--data-dir', dataDir], '739164\n').code).toBe(
      0,
    );
    const reset = runCli(['staff', 'reset-pin', '--id', '1', '--data-dir', dataDir], '456789\n');
    expect(reset.code).toBe(2);
    expect(reset.stderr).toContain(translate('pin.trivial', 'en'));
    expect(JSON.parse(runCli(['staff', 'list', '--json', '--data-dir', dataDir]).stdout)).toHaveLength(1);
  });
});
