import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile } from '../../../electron/core/config-file';
import { fixedClock } from '../../../electron/core/clock';
import { assertRunsDaily } from '../../../electron/core/cron-time';
import { makeTempDir } from '../../helpers/temp-dir';

// A fixed day: which days a schedule skips is counted from the load's own clock, never the real date.
const LOADED_AT = '2026-11-20T10:00:00+01:00';

function loadWith(schedules: Record<string, string>) {
  const dataDir = makeTempDir();
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ schedules }));
  return () => loadConfigFile(dataDir, fixedClock(Date.parse(LOADED_AT)));
}

describe('a retention schedule at load', () => {
  it.each([
    ['visitPurge', '0 0 29 2 *', /schedules\.visitPurge: "0 0 29 2 \*" does not run on .*at least once a day/],
    ['footageScan', '0 3 * * 1-5', /schedules\.footageScan: "0 3 \* \* 1-5" does not run on \d{4}-\d\d-\d\d.*24 hours/],
    ['footagePurge', '0 0 1 * *', /schedules\.footagePurge: .* does not run on/],
    ['visitPurge', '0 0 * 1-11 *', /does not run on 2026-12-01/],
  ])('is refused when %s = "%s" can leave more than 24 hours between runs', (name, expression, message) => {
    const load = loadWith({ [name]: expression });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });

  it.each(['0 * * * *', '*/15 * * * *', '30 3 * * *', '0 0,12 * * *'])(
    'is accepted when it runs daily: "%s"',
    (expression) => {
      expect(
        loadWith({ visitPurge: expression, footageScan: expression, footagePurge: expression })().schedules,
      ).toEqual({
        visitPurge: expression,
        footageScan: expression,
        footagePurge: expression,
      });
    },
  );

  it('a daily run at a time the spring clock change skips is refused, one the night has twice is not', () => {
    // 02:30 does not exist in Amsterdam on 29 March 2026: node-cron does not run it that day (48 hours).
    const march = Date.parse('2026-03-01T00:00:00Z');
    expect(() => assertRunsDaily('visitPurge', '30 2 * * *', 'Europe/Amsterdam', march)).toThrow(
      /does not run on 2026-03-29/,
    );
    expect(() => assertRunsDaily('visitPurge', '30 2,3 * * *', 'Europe/Amsterdam', march)).not.toThrow();
  });
});
