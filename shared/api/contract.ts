import { z } from 'zod';
import { signInInput, signOutInput } from '../validation/visit-schemas';
import { channel } from './channel';
import type { NoticeFacts, SignInReceipt, SignOutReceipt, TodayVisits } from './types';

const noInput = z.strictObject({});

/**
 * The whole API, each channel once: its input schema, its output type and who may call it.
 * The router, the Electron preload's allowlist, the HTTP routes and the renderer's client are all
 * derived from this object.
 */
export const api = {
  'notice.current': channel<typeof noInput, NoticeFacts>({ input: noInput, access: 'public' }),
  'visits.signIn': channel<typeof signInInput, SignInReceipt>({ input: signInInput, access: 'public' }),
  'visits.signOut': channel<typeof signOutInput, SignOutReceipt>({ input: signOutInput, access: 'public' }),
  'visits.today': channel<typeof noInput, TodayVisits>({ input: noInput, access: ['receptionist', 'admin'] }),
};

export type Api = typeof api;
export type ChannelName = keyof Api;
export type InputOf<C extends ChannelName> = z.input<Api[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Api[C]['input']>;
export type OutputOf<C extends ChannelName> = NonNullable<Api[C]['output']>;

export const channelNames = Object.keys(api) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(api, value);
}
