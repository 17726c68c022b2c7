import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKiosk } from '../../../electron/core/kiosk';
import { clockFromEnvironment } from '../../../electron/core/clock';
import { runCli } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

const NOW = '2026-11-24T10:15:00+01:00';

function dataDirWithConsole() {
  const dataDir = makeTempDir();
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ console: { listen: '127.0.0.2:8443' } }));
  return dataDir;
}

describe('kiosk devices and kiosk console', () => {
  it('prints the console address and the same certificate fingerprint each time', () => {
    const dataDir = dataDirWithConsole();
    const first = runCli(['console', 'info', '--data-dir', dataDir]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Console: https://127.0.0.2:8443/');
    const fingerprint = /Certificate SHA-256: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})/.exec(first.stdout)?.[1];
    expect(fingerprint).toBeDefined();
    expect(runCli(['console', 'info', '--data-dir', dataDir]).stdout).toContain(fingerprint);
  });

  it('enrols with a printed code, lists and revokes the device, audited', async () => {
    const dataDir = dataDirWithConsole();
    const enrol = runCli(['devices', 'enroll', '--name', 'Receptie-pc', '--kind', 'desk', '--data-dir', dataDir]);
    expect(enrol.code, enrol.stderr).toBe(0);
    expect(enrol.stdout).toContain('Open https://127.0.0.2:8443/ on the device');
    const code = /: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})$/m.exec(enrol.stdout)![1]!;

    const kiosk = await createKiosk({ dataDir, clock: clockFromEnvironment({ KIOSK_NOW: NOW }), logError: () => {} });
    const { device } = await kiosk.devices.enroll(code);
    await kiosk.close();
    expect(device).toMatchObject({ name: 'Receptie-pc', kind: 'desk' });

    const listed = JSON.parse(runCli(['devices', 'list', '--json', '--data-dir', dataDir]).stdout);
    expect(listed).toMatchObject([{ id: device.id, name: 'Receptie-pc', kind: 'desk', revokedAt: null }]);
    const revoke = runCli(['devices', 'revoke', '--id', String(device.id), '--data-dir', dataDir]);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(JSON.parse(runCli(['devices', 'list', '--json', '--data-dir', dataDir]).stdout)[0].revokedAt).not.toBeNull();
    const audit = runCli(['audit', 'list', '--json', '--data-dir', dataDir]);
    const actions = (JSON.parse(audit.stdout) as { action: string }[]).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['devices.codeCreated', 'devices.enrolled', 'devices.revoked']));
  });

  it('refuses an unknown kind', () => {
    const run = runCli(['devices', 'enroll', '--name', 'X', '--kind', 'phone', '--data-dir', dataDirWithConsole()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--kind must be desk or kiosk');
  });
});
