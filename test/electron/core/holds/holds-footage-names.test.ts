import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../shared/config';
import { scanFootage } from '../../../../electron/core/footage/scanner';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('footage holds in the holds list', () => {
  it('name the camera as configured and the file’s recording start, not its raw UTC folders', async () => {
    const clock = manualClock('2026-11-24T10:00:00Z');
    const config = { ...defaultConfig, footage: { ...defaultConfig.footage, cameraNames: { gate: 'Front gate' } } };
    const kiosk = await openTestKiosk({ clock, config });
    const root = makeTempDir('hold-names-');
    // Frigate 0.12+ writes UTC folders: 08:00:10Z is 09:00:10 in Amsterdam.
    const file = path.join(root, '2026-11-20', '08', 'gate', '00.10.mp4');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x');
    await scanFootage({ database: kiosk.database, root, config, clock });
    const terms = { reason: 'Incident 21', basis: 'legalObligation' } as const;
    const onFile = await kiosk.router.invoke(
      'holds.placeOnFootage',
      { path: '2026-11-20/08/gate/00.10.mp4', ...terms },
      callers.security,
    );
    const onRange = await kiosk.router.invoke(
      'holds.placeOnFootage',
      { camera: 'gate', from: Date.parse('2026-11-20T08:00:00Z'), to: Date.parse('2026-11-20T09:00:00Z'), ...terms },
      callers.security,
    );
    const onVisitlessFile = await kiosk.router.invoke(
      'holds.placeOnFootage',
      { path: 'not/indexed.mp4', ...terms },
      callers.security,
    );
    if (!onFile.ok || !onRange.ok || !onVisitlessFile.ok) throw new Error('not placed');
    const list = await kiosk.router.invoke('holds.list', {}, callers.security);
    if (!list.ok) throw new Error(list.error.key);
    const byId = new Map(list.value.map((hold) => [hold.id, hold]));
    expect(byId.get(onFile.value.id)).toMatchObject({
      camera: 'gate',
      cameraName: 'Front gate',
      recordedAt: Date.parse('2026-11-20T08:00:10Z'),
    });
    expect(byId.get(onRange.value.id)).toMatchObject({ camera: 'gate', cameraName: 'Front gate', recordedAt: null });
    expect(byId.get(onVisitlessFile.value.id)).toMatchObject({ camera: null, cameraName: null, recordedAt: null });
  });
});
