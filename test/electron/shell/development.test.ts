import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/core/clock';
import { isDevToolsShortcut, kioskClock } from '../../../electron/shell/development';

const key = (key: string, modifiers: Partial<Record<'control' | 'meta' | 'shift' | 'alt', boolean>> = {}) => ({
  type: 'keyDown',
  key,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...modifiers,
});

describe('kioskClock', () => {
  const environment = { KIOSK_NOW: '2020-01-01T00:00:00Z' };

  it('in development starts at KIOSK_NOW', () => {
    expect(kioskClock(environment, false).now()).toBeLessThan(Date.parse('2021-01-01T00:00:00Z'));
  });

  it('packaged, is the system clock whatever KIOSK_NOW says, even an invalid one', () => {
    expect(kioskClock(environment, true)).toBe(systemClock);
    expect(kioskClock({ KIOSK_NOW: 'yesterday' }, true)).toBe(systemClock);
  });
});

describe('isDevToolsShortcut', () => {
  it.each([
    key('F12'),
    key('I', { control: true, shift: true }),
    key('j', { control: true, shift: true }),
    key('C', { control: true, shift: true }),
    key('i', { meta: true, alt: true }),
    key('J', { meta: true, alt: true }),
  ])('%o opens DevTools', (input) => {
    expect(isDevToolsShortcut(input)).toBe(true);
  });

  it.each([
    key('i'),
    key('I', { shift: true }),
    key('c', { control: true }),
    key('5'),
    { ...key('F12'), type: 'keyUp' },
  ])('%o does not', (input) => {
    expect(isDevToolsShortcut(input)).toBe(false);
  });
});
