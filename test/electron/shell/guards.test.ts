import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isAllowedHost,
  isAllowedOrigin,
  isAppUrl,
  isTrustedSender,
  resolveInside,
  tokensMatch,
} from '../../../electron/shell/guards';

describe('resolveInside', () => {
  const root = path.resolve('/srv/kiosk/renderer');

  it.each([
    ['/index.html', 'index.html'],
    ['/assets/app.js', 'assets/app.js'],
    ['/assets/a%20b.css', 'assets/a b.css'],
  ])('%s stays inside', (urlPath, relative) => {
    expect(resolveInside(root, urlPath)).toBe(path.join(root, relative));
  });

  it.each([
    '/../secret',
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc/passwd',
    '/..\\..\\windows\\win.ini',
    '/%5c..%5c..%5cwindows',
    '/assets/../index.html',
    '/index.html%00.png',
    '/%E0%A4%A',
    '/',
    '',
  ])('%j is refused', (urlPath) => {
    expect(resolveInside(root, urlPath)).toBeNull();
  });

  it('a sibling folder whose name starts with the root is outside', () => {
    expect(resolveInside('/srv/kiosk/renderer', '/../renderer-evil/x')).toBeNull();
  });
});

describe('browser-mode request checks', () => {
  it.each([
    ['127.0.0.1:8080', true],
    ['localhost:8080', true],
    ['127.0.0.1:8081', false],
    ['evil.example:8080', false],
    ['127.0.0.1', false],
    [undefined, false],
    [['127.0.0.1:8080'], false],
  ])('Host %j -> %s', (host, allowed) => {
    expect(isAllowedHost(host, 8080)).toBe(allowed);
  });

  it.each([
    [undefined, true],
    ['http://127.0.0.1:8080', true],
    ['http://localhost:8080', true],
    ['null', false],
    ['http://127.0.0.1:8081', false],
    ['https://127.0.0.1:8080', false],
    ['http://evil.example', false],
  ])('Origin %j -> %s', (origin, allowed) => {
    expect(isAllowedOrigin(origin, 8080)).toBe(allowed);
  });

  it('tokens must match exactly', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    for (const guess of ['abd', 'ab', 'abcd', '', undefined, ['abc'], 42])
      expect(tokensMatch('abc', guess)).toBe(false);
  });
});

describe('Electron navigation and IPC checks', () => {
  it.each([
    ['app://kiosk/index.html', true],
    ['app://kiosk/', true],
    ['app://evil/index.html', false],
    ['https://kiosk/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['http://127.0.0.1:5173/', false],
    ['not a url', false],
    [undefined, false],
  ])('%j is the app: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it('only our own top-level frame may send IPC', () => {
    expect(isTrustedSender({ url: 'app://kiosk/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://kiosk/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
