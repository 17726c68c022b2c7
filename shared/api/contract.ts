import type { z } from 'zod';
import { auditApi } from './audit';
import { deskApi } from './desk';
import { footageApi } from './footage';
import { healthApi } from './health';
import { holdsApi } from './holds';
import { privacyExportsApi } from './privacy-exports';
import { hostsApi } from './hosts';
import { invitationsApi } from './invitations';
import { privacyApi } from './privacy';
import { retentionApi } from './retention';
import { staffApi } from './staff';
import { visitsApi } from './visits';

/**
 * The whole API: each capability's channels (shared/api/<capability>.ts), each channel once with its
 * input schema, its output type and who may call it. The router, the Electron preload's allowlist,
 * the HTTP routes and the renderer's client are all derived from this object.
 */
export const api = {
  ...visitsApi,
  ...staffApi,
  ...auditApi,
  ...retentionApi,
  ...holdsApi,
  ...footageApi,
  ...healthApi,
  ...privacyApi,
  ...privacyExportsApi,
  ...invitationsApi,
  ...hostsApi,
  ...deskApi,
};

export type Api = typeof api;
export type ChannelName = keyof Api;
export type InputOf<C extends ChannelName> = z.input<Api[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Api[C]['input']>;
export type OutputOf<C extends ChannelName> = NonNullable<Api[C]['output']> | Extract<Api[C]['output'], null>;

export const channelNames = Object.keys(api) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(api, value);
}
