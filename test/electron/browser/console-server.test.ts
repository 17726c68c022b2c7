import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startConsoleServer, type ConsoleServer } from '../../../electron/browser/console-server';
import { GENERATED_CERT_FILE, GENERATED_KEY_FILE } from '../../../electron/core/console/certificate';
import type { Kiosk } from '../../../electron/core/kiosk';
import { defaultConfig, type KioskConfig } from '../../../shared/config';
import { callers, manualClock, openTestKiosk, visitor } from '../../helpers/kiosk';
import { makeTempDir } from '../../helpers/temp-dir';

const HOST = '127.0.0.2';
const PIN = '739164';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let kiosk: Kiosk;
let server: ConsoleServer;
let clock: ReturnType<typeof manualClock>;
let cert: string;

function consoleConfig(): KioskConfig {
  return { ...defaultConfig, console: { ...defaultConfig.console, listen: `${HOST}:0` } };
}

function call(
  pathname: string,
  { method = 'POST', body, headers = {} }: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: HOST,
        port: server.port,
        path: pathname,
        method,
        ca: cert,
        servername: HOST,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const api = (channel: string, input: unknown = {}, headers: Record<string, string> = {}) =>
  call(`/api/${channel}`, { body: input, headers });

async function newCode(kind: 'desk' | 'kiosk') {
  const result = await kiosk.router.invoke('devices.createCode', { name: `Test ${kind}`, kind }, callers.operator);
  if (!result.ok) throw new Error(result.error.key);
  return result.value.code;
}

/** Enrols a device and returns its cookie header. */
async function enrol(kind: 'desk' | 'kiosk'): Promise<string> {
  const answer = await api('devices.enroll', { code: await newCode(kind) });
  expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { kind } });
  const setCookie = answer.headers['set-cookie']![0]!;
  return setCookie.split(';')[0]!;
}

beforeEach(async () => {
  clock = manualClock('2026-12-07T09:00:00Z');
  kiosk = await openTestKiosk({ clock, config: consoleConfig() });
  server = await startConsoleServer({ kiosk, rendererDir: makeTempDir(), host: HOST, port: 0, logError: () => {} });
  cert = (await kiosk.console.certificate()).cert;
});

afterEach(async () => {
  await server.close();
});

describe('the console server', () => {
  it('generates its certificate once, 0600 in the data folder, and answers with HSTS over TLS 1.2+', async () => {
    const info = await kiosk.router.invoke('console.info', {}, callers.operator);
    expect(info.ok && info.value.fingerprint).toBe(server.fingerprint);
    expect(server.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const answer = await call('/', { method: 'GET' });
    expect(answer.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
    await expect(
      new Promise((resolve, reject) => {
        const socket = tls.connect({
          host: HOST,
          port: server.port,
          ca: cert,
          maxVersion: 'TLSv1.1',
          minVersion: 'TLSv1',
        });
        socket.on('secureConnect', () => resolve(socket.end()));
        socket.on('error', reject);
      }),
    ).rejects.toThrow();
  });

  it('refuses plain HTTP on its port', async () => {
    await expect(
      new Promise((resolve, reject) => {
        const request = http.get({ host: HOST, port: server.port, path: '/api/notice.current' }, resolve);
        request.on('error', reject);
      }),
    ).rejects.toThrow();
  });

  it('answers 401 without a credential, with a forged one and with a revoked one, on channels and media', async () => {
    for (const cookie of [undefined, `__Host-kiosk-device=${'A'.repeat(43)}`, '__Host-kiosk-device=short']) {
      const headers: Record<string, string> = cookie ? { cookie } : {};
      for (const channel of ['notice.current', 'visits.today', 'devices.screen']) {
        const answer = await api(channel, {}, headers);
        expect(answer.status, channel).toBe(401);
        expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { key: 'device.notEnrolled' } });
      }
      expect((await call('/media/some-ticket', { method: 'GET', headers })).status).toBe(401);
    }
    const cookie = await enrol('desk');
    expect(JSON.parse((await api('devices.screen', {}, { cookie })).body)).toEqual({
      ok: true,
      value: { kind: 'desk', deviceName: 'Test desk', staffViews: null },
    });
    const [device] = await kiosk.devices.list();
    await kiosk.router.invoke('devices.revoke', { deviceId: device!.id }, callers.operator);
    expect((await api('devices.screen', {}, { cookie })).status).toBe(401);
    const audit = await kiosk.audit.list({});
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['devices.codeCreated', 'devices.enrolled', 'devices.revoked']),
    );
  });

  it('sets the credential as an HttpOnly, Secure, SameSite=Strict cookie, kept only as a hash', async () => {
    const answer = await api('devices.enroll', { code: await newCode('desk') });
    const setCookie = answer.headers['set-cookie']![0]!;
    expect(setCookie).toMatch(/^__Host-kiosk-device=[\w-]{43}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('SameSite=Strict');
    const credential = setCookie.split(';')[0]!.split('=')[1]!;
    const rows = await kiosk.database.all<{ credential_hash: Buffer }>('SELECT credential_hash FROM devices');
    expect(rows[0]!.credential_hash.toString('base64url')).not.toBe(credential);
    expect(rows[0]!.credential_hash.length).toBe(32);
    // The code was single use.
  });

  it('a code works once and for 15 minutes', async () => {
    const code = await newCode('desk');
    expect(JSON.parse((await api('devices.enroll', { code })).body).ok).toBe(true);
    expect(JSON.parse((await api('devices.enroll', { code })).body)).toEqual({
      ok: false,
      error: { key: 'device.codeWrong' },
    });
    const late = await newCode('kiosk');
    clock.advance(15 * 60 * 1000);
    expect(JSON.parse((await api('devices.enroll', { code: late })).body).error.key).toBe('device.codeWrong');
  });

  it('refuses a cross-origin request carrying the cookie, and a rebinding Host', async () => {
    const cookie = await enrol('desk');
    const crossOrigin = await api('devices.screen', {}, { cookie, origin: 'https://evil.example' });
    expect(crossOrigin.status).toBe(403);
    const plainOrigin = await api('devices.screen', {}, { cookie, origin: `http://${HOST}:${server.port}` });
    expect(plainOrigin.status).toBe(403);
    const rebinding = await api('devices.screen', {}, { cookie, host: `evil.example:${server.port}` });
    expect(rebinding.status).toBe(421);
    const own = await api('devices.screen', {}, { cookie, origin: `https://${HOST}:${server.port}` });
    expect(own.status).toBe(200);
  });

  it('takes at most 5 wrong codes a minute, and closes enrolment after 20 until an admin opens it', async () => {
    const good = await newCode('desk');
    const wrong = () => api('devices.enroll', { code: 'AAAA-BBBB-CCCC' }).then((answer) => JSON.parse(answer.body));
    for (let i = 0; i < 5; i++) expect((await wrong()).error.key).toBe('device.codeWrong');
    expect((await api('devices.enroll', { code: good }).then((a) => JSON.parse(a.body))).error.key).toBe(
      'device.enrolmentThrottled',
    );
    for (let minute = 1; minute < 4; minute++) {
      clock.advance(60 * 1000);
      for (let i = 0; i < 5; i++)
        expect((await wrong()).error.key).toBe(minute === 3 && i === 4 ? 'device.enrolmentClosed' : 'device.codeWrong');
    }
    clock.advance(60 * 1000);
    expect((await api('devices.enroll', { code: good }).then((a) => JSON.parse(a.body))).error.key).toBe(
      'device.enrolmentClosed',
    );
    const info = await kiosk.router.invoke('console.info', {}, callers.operator);
    expect(info.ok && info.value.enrolmentClosed).toBe(true);
    expect((await kiosk.audit.list({ action: 'devices.enrolmentClosed' })).length).toBe(1);
    const alarms = async () => (await kiosk.health.current()).problems.map((problem) => problem.key);
    expect(await alarms()).toContain('enrolmentClosed');
    await kiosk.router.invoke('devices.reopenEnrolment', {}, callers.operator);
    expect((await api('devices.enroll', { code: good }).then((a) => JSON.parse(a.body))).ok).toBe(true);
    expect(await alarms()).not.toContain('enrolmentClosed');
  });

  it('takes at most 5 wrong codes a minute also when they come all at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        api('devices.enroll', { code: 'AAAA-BBBB-CCCC' }).then((answer) => JSON.parse(answer.body).error.key),
      ),
    );
    expect(answers.filter((key) => key === 'device.codeWrong')).toHaveLength(5);
    expect(answers.filter((key) => key === 'device.enrolmentThrottled')).toHaveLength(35);
    expect(await kiosk.database.get('SELECT wrong_codes FROM device_enrolment')).toEqual({ wrong_codes: 5 });
  });

  it('a kiosk device shows the visitor screens and opens only the lobby views, whatever the role', async () => {
    const added = await kiosk.router.invoke(
      'staff.add',
      { name: 'Console Admin', role: 'admin', pin: PIN },
      callers.operator,
    );
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    const staffId = added.value.id;
    const cookie = await enrol('kiosk');
    expect(JSON.parse((await api('devices.screen', {}, { cookie })).body).value).toEqual({
      kind: 'kiosk',
      deviceName: 'Test kiosk',
      staffViews: ['today', 'evacuation'],
    });
    expect(JSON.parse((await api('staff.unlock', { staffId, pin: PIN }, { cookie })).body)).toMatchObject({ ok: true });
    expect(JSON.parse((await api('visits.today', {}, { cookie })).body).ok).toBe(true);
    for (const channel of ['footage.list', 'privacy.searchVisits', 'staff.list', 'devices.list', 'audit.list']) {
      expect(JSON.parse((await api(channel, {}, { cookie })).body), channel).toEqual({
        ok: false,
        error: { key: 'lobby.viewClosed' },
      });
    }
    // The same admin on a desk device opens them.
    const desk = await enrol('desk');
    expect(JSON.parse((await api('staff.unlock', { staffId, pin: PIN }, { cookie: desk })).body).ok).toBe(true);
    expect(JSON.parse((await api('staff.list', {}, { cookie: desk })).body).ok).toBe(true);
  });

  it('tells a desk live of a sign-in at a kiosk device, refuses the live feed without a credential, and ends it on revoke', async () => {
    const desk = await enrol('desk');
    const kioskDevice = await enrol('kiosk');
    const origin = `https://${HOST}:${server.port}`;
    const url = `wss://${HOST}:${server.port}/live`;
    const refused = new WebSocket(url, { ca: cert, origin });
    const refusal = await new Promise<number>((resolve) =>
      refused.on('unexpected-response', (_request, response) => resolve(response.statusCode!)),
    );
    expect(refusal).toBe(401);
    const foreign = new WebSocket(url, { ca: cert, origin: 'https://evil.example', headers: { cookie: desk } });
    expect(
      await new Promise<number>((resolve) => foreign.on('unexpected-response', (_q, r) => resolve(r.statusCode!))),
    ).toBe(403);

    const socket = new WebSocket(url, { ca: cert, origin, headers: { cookie: desk } });
    await new Promise((resolve) => socket.on('open', resolve));
    const message = new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
    const signIn = await api('visits.signIn', visitor(), { cookie: kioskDevice });
    expect(JSON.parse(signIn.body).ok).toBe(true);
    expect(JSON.parse(await message)).toEqual({ type: 'visits' });

    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    const deskId = (await kiosk.devices.list()).find((device) => device.kind === 'desk')!.id;
    await kiosk.router.invoke('devices.revoke', { deviceId: deskId }, callers.operator);
    expect(await closed).toBe(4401);
  });

  it('plays a footage ticket only on the device it was issued to, and not once that device is revoked', async () => {
    const root = makeTempDir();
    const file = path.join(root, '2026-12-06', '09', 'gate', '00.00.mp4');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.alloc(1000, 1));
    await server.close();
    kiosk = await openTestKiosk({ clock, config: { ...consoleConfig(), footage: { ...defaultConfig.footage, root } } });
    server = await startConsoleServer({ kiosk, rendererDir: makeTempDir(), host: HOST, port: 0, logError: () => {} });
    cert = (await kiosk.console.certificate()).cert;
    expect((await kiosk.footage.scan()).outcome).toBe('ok');
    const added = await kiosk.router.invoke(
      'staff.add',
      { name: 'Saskia', role: 'security', pin: PIN },
      callers.operator,
    );
    if (!added.ok) throw new Error(added.error.key);
    const desk = await enrol('desk');
    const lobby = await enrol('kiosk');
    expect(
      JSON.parse((await api('staff.unlock', { staffId: added.value.id, pin: PIN }, { cookie: desk })).body).ok,
    ).toBe(true);
    const playback = JSON.parse((await api('footage.playback', { fileId: 1 }, { cookie: desk })).body);
    const media = (cookie: string) => call(`/media/${playback.value.ticket}`, { method: 'GET', headers: { cookie } });
    expect((await media(lobby)).status).toBe(404);
    expect((await media(desk)).status).toBe(200);
    expect(kiosk.sessions.live().map((session) => session.name)).toEqual(['Saskia']);
    const deskId = (await kiosk.devices.list()).find((device) => device.kind === 'desk')!.id;
    await kiosk.router.invoke('devices.revoke', { deviceId: deskId }, callers.operator);
    // Its session ends with it: no ticket of it plays, and nobody stays on the roll call from there.
    expect((await media(lobby)).status).toBe(404);
    expect(kiosk.sessions.live()).toEqual([]);
    expect((await kiosk.audit.list({ action: 'staff.locked' }))[0]).toMatchObject({
      actor: 'Saskia',
      detail: { reason: 'deviceRevoked' },
    });
  });
});

describe('the generated certificate', () => {
  it('is made once and kept 0600', async () => {
    const dataDir = makeTempDir();
    const first = await openTestKiosk({ clock: manualClock('2026-12-07T09:00:00Z'), config: consoleConfig(), dataDir });
    const fingerprint = (await first.console.certificate()).fingerprint;
    for (const file of [GENERATED_CERT_FILE, GENERATED_KEY_FILE])
      expect(fs.statSync(path.join(dataDir, file)).mode & 0o777).toBe(0o600);
    await first.close();
    const second = await openTestKiosk({
      clock: manualClock('2026-12-07T09:00:00Z'),
      config: consoleConfig(),
      dataDir,
    });
    expect((await second.console.certificate()).fingerprint).toBe(fingerprint);
  });
});
