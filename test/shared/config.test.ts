import { describe, expect, it } from 'vitest';
import { checkConfig, defaultConfig } from '../../shared/config';
import { noticeVersion } from '../../shared/notice';

describe('configuration', () => {
  it("defaults to the privacy statement's own facts", () => {
    expect(defaultConfig).toMatchObject({
      organisation: { name: 'Ploum', contactEmail: 'communicatie@ploum.nl' },
      timeZone: 'Europe/Amsterdam',
      retention: { visitMonths: 6, footageDays: 28 },
      idle: { kioskSeconds: 60, staffSeconds: 120 },
    });
  });

  it('fills in what a partial file leaves out', () => {
    expect(checkConfig({ retention: { visitMonths: 3 } })).toEqual({
      ok: true,
      config: {
        ...defaultConfig,
        retention: { visitMonths: 3, footageDays: 28, clockGuardDays: 30, recordMonths: 24 },
      },
    });
  });

  it.each([
    [{ retention: { visitMonths: 0 } }, /retention\.visitMonths: must be at least 1/],
    [{ retention: { visitMonths: -1 } }, /retention\.visitMonths: must be at least 1/],
    [
      { retention: { visitMonths: 7 } },
      /retention\.visitMonths: must be at most 6 months, the maximum the privacy notice states/,
    ],
    [{ retention: { footageDays: 29 } }, /retention\.footageDays: must be at most 28 days/],
    [{ retention: { footageDays: 1.5 } }, /retention\.footageDays/],
    [{ privacy: { exportDays: 29 } }, /privacy\.exportDays: must be at most 28 days/],
    [{ timeZone: 'Europe/Amsterdm' }, /timeZone: is not a known IANA time zone/],
    [{ organisation: { contactEmail: 'not an address' } }, /organisation\.contactEmail/],
    [{ retension: {} }, /Unrecognized key/],
    ['not an object', /expected object/],
  ])('rejects %j', (value, problem) => {
    const checked = checkConfig(value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.join('\n')).toMatch(problem);
  });

  it('the notice version changes with the retention it promises', () => {
    expect(noticeVersion(defaultConfig)).not.toBe(
      noticeVersion({
        ...defaultConfig,
        retention: { visitMonths: 3, footageDays: 28, clockGuardDays: 30, recordMonths: 24 },
      }),
    );
  });
});
