import { describe, expect, it } from 'vitest';
import { createApiClient, transportForThisWindow } from '../../renderer/api/client';

describe('the renderer API client', () => {
  it('turns a transport failure into a message, never a thrown error', async () => {
    const client = createApiClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await client.invoke('notice.current', {})).toEqual({ ok: false, error: { key: 'api.unreachable' } });
  });

  it('uses the Electron bridge when there is one', async () => {
    const calls: unknown[] = [];
    const transport = transportForThisWindow(
      {
        invoke: async (channel, input) => {
          calls.push([channel, input]);
          return { ok: true, value: 'from-bridge' };
        },
      },
      '#token=ignored',
    );
    expect(await transport!('visits.today', {}, false)).toEqual({ ok: true, value: 'from-bridge' });
    expect(calls).toEqual([['visits.today', {}]]);
  });

  it('needs the token from the fragment in browser mode', () => {
    expect(transportForThisWindow(undefined, '')).toBeNull();
    expect(transportForThisWindow(undefined, '#other=1')).toBeNull();
    expect(transportForThisWindow(undefined, '#token=abc')).toBeTypeOf('function');
  });
});
