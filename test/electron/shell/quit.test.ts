import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { closeBeforeQuit } from '../../../electron/shell/quit';
import { standInEvent } from '../../helpers/electron-stand-in';

/** An app that records, in order, when it exits; the core's close resolves when the test says so. */
function quittingApp() {
  const events = new EventEmitter();
  const steps: string[] = [];
  const app = {
    on: (event: string, listener: (...args: never[]) => void) =>
      events.on(event, listener as (...args: unknown[]) => void),
    emit: (event: string, ...args: unknown[]) => events.emit(event, ...args),
    exit: (code?: number) => void steps.push(`exit ${code}`),
  };
  let finishClose: (error?: Error) => void = () => undefined;
  let closes = 0;
  const close = () => {
    closes++;
    steps.push('close started');
    return new Promise<void>((resolve, reject) => {
      finishClose = (error) => {
        steps.push('core closed');
        if (error) reject(error);
        else resolve();
      };
    });
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { app, steps, close, finishClose: (error?: Error) => finishClose(error), closes: () => closes, settle };
}

describe('quitting the Electron app', () => {
  it('holds the exit until the core has closed, and closes it once however often quit is asked', async () => {
    const { app, steps, close, finishClose, closes, settle } = quittingApp();
    closeBeforeQuit(app, close, () => undefined);
    const first = standInEvent();
    app.emit('will-quit', first);
    const second = standInEvent();
    app.emit('will-quit', second);
    await settle();
    expect(first.defaultPrevented && second.defaultPrevented).toBe(true);
    expect(steps).toEqual(['close started']); // still closing: no exit yet
    expect(closes()).toBe(1);
    finishClose();
    await settle();
    expect(steps).toEqual(['close started', 'core closed', 'exit 0']);
  });

  it('still exits, after logging, when closing the core fails', async () => {
    const { app, steps, close, finishClose, settle } = quittingApp();
    const logged: unknown[][] = [];
    closeBeforeQuit(app, close, (...args) => logged.push(args));
    app.emit('will-quit', standInEvent());
    await settle();
    expect(steps).toEqual(['close started']);
    finishClose(new Error('database is locked'));
    await settle();
    expect(steps).toEqual(['close started', 'core closed', 'exit 0']);
    expect(logged).toEqual([['[kiosk] closing failed:', new Error('database is locked')]]);
  });
});
