import type { StaffRole } from '../../shared/api/channel';
import {
  api,
  isChannelName,
  type ChannelName,
  type InputOf,
  type OutputOf,
  type ParsedInputOf,
} from '../../shared/api/contract';
import { isMessageKey, type MessageKey } from '../../shared/messages';
import { fail, ok, type Result } from '../../shared/result';
import type { Screen } from './devices/screen';
import { UserError } from './user-error';

/**
 * Who is calling. The kiosk screen is anonymous; staff hold a role; the operator is someone at the
 * machine's command line, who already has the data folder itself and so may call every channel.
 */
export type Caller =
  | { kind: 'kiosk'; terminal: string; screen?: Screen }
  | { kind: 'staff'; staffId: number; name: string; role: StaffRole; terminal: string; screen?: Screen }
  | { kind: 'operator' };

export type Handlers = {
  [C in ChannelName]: (input: ParsedInputOf<C>, caller: Caller) => Promise<OutputOf<C>>;
};

export interface Router {
  invoke<C extends ChannelName>(channel: C, input: InputOf<C>, caller: Caller): Promise<Result<OutputOf<C>>>;
  /** The entry point for transports: the channel and input arrive untrusted. */
  invokeUntrusted(channel: unknown, input: unknown, caller: Caller): Promise<Result<unknown>>;
}

function accessError(channel: ChannelName, caller: Caller): MessageKey | null {
  const { access } = api[channel];
  if (access === 'public' || caller.kind === 'operator') return null;
  if (caller.kind === 'kiosk') return 'api.unauthenticated';
  return access.includes(caller.role) ? null : 'api.forbidden';
}

export function createRouter(handlers: Handlers, onInternalError: (error: unknown, channel: string) => void): Router {
  async function invokeUntrusted(channel: unknown, input: unknown, caller: Caller): Promise<Result<unknown>> {
    if (!isChannelName(channel)) return fail('api.unknownChannel');
    const denied = accessError(channel, caller);
    if (denied) return fail(denied);

    const parsed = api[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields: Record<string, MessageKey> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.') || '_';
        fields[field] ??= isMessageKey(issue.message) ? issue.message : 'field.invalid';
      }
      return fail('validation.failed', fields);
    }

    try {
      const handler = handlers[channel] as (input: unknown, caller: Caller) => Promise<unknown>;
      return ok(await handler(parsed.data, caller));
    } catch (error) {
      if (error instanceof UserError) return { ok: false, error: error.apiError };
      // A failure inside SQLite or the file system: reported to the log, never shown.
      onInternalError(error, channel);
      return fail('internal');
    }
  }

  return {
    invoke: (channel, input, caller) => invokeUntrusted(channel, input, caller) as never,
    invokeUntrusted,
  };
}
