import { describe, expect, it } from 'vitest';
import { checkConfig, defaultConfig } from '../../shared/config';

const email = { host: 'smtp.ploum.nl', from: 'kiosk@ploum.nl', to: ['it@ploum.nl'] };

describe('alerts.email in the configuration', () => {
  it('is off by default', () => {
    expect(defaultConfig.alerts).toEqual({ email: null });
  });

  it('fills in port 587 and STARTTLS', () => {
    expect(checkConfig({ alerts: { email } })).toMatchObject({
      ok: true,
      config: { alerts: { email: { ...email, port: 587, tls: 'starttls' } } },
    });
  });

  it.each([
    [{ ...email, to: [] }, /alerts\.email\.to: must name at least one address/],
    [{ ...email, to: ['not an address'] }, /alerts\.email\.to\.0/],
    [{ ...email, from: 'kiosk' }, /alerts\.email\.from/],
    [{ ...email, port: 70000 }, /alerts\.email\.port/],
    [{ ...email, tls: 'yes' }, /alerts\.email\.tls/],
    [{ ...email, host: ' ' }, /alerts\.email\.host/],
    [{ ...email, smtp: 'x' }, /Unrecognized key/],
    [{ from: 'kiosk@ploum.nl', to: ['it@ploum.nl'] }, /alerts\.email\.host/],
  ])('rejects %j with a clear message', (value, problem) => {
    const checked = checkConfig({ alerts: { email: value } });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.join('\n')).toMatch(problem);
  });
});
