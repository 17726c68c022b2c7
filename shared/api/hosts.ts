import { z } from 'zod';
import type { MessageKey } from '../messages';
import { signOutInput } from '../validation/visit-schemas';
import { channel } from './channel';

const admin = ['admin'] as const;

/** Someone visitors come to see: kept by the admin, separate from staff accounts. */
export interface Host {
  id: number;
  name: string;
  email: string;
  active: boolean;
}

/** What the kiosk shows while a visitor types: first name and last initial, never an address. */
export interface HostSuggestion {
  id: number;
  label: string;
}

const hostId = z.int({ error: 'field.invalid' satisfies MessageKey }).positive();

export const addHostInput = z.strictObject({
  name: z
    .string({ error: 'name.required' satisfies MessageKey })
    .trim()
    .min(1, { error: 'name.required' satisfies MessageKey })
    .max(120, { error: 'host.tooLong' satisfies MessageKey })
    .refine((name) => !/[<>\p{Cc}]/u.test(name), { error: 'company.invalidCharacters' satisfies MessageKey }),
  email: z.email({ error: 'host.emailInvalid' satisfies MessageKey }).max(254),
});
const setActiveInput = z.strictObject({ hostId, active: z.boolean() });
// Suggestions only from the third letter: two letters would page through the directory.
const suggestInput = z.strictObject({
  query: z
    .string({ error: 'field.invalid' satisfies MessageKey })
    .trim()
    .min(3, { error: 'host.queryTooShort' satisfies MessageKey })
    .max(60, { error: 'field.invalid' satisfies MessageKey }),
});
export const notifyHostInput = z.strictObject({ signOutCode: signOutInput.shape.code, hostId });
const noInput = z.strictObject({});

export const hostsApi = {
  'hosts.list': channel<typeof noInput, Host[]>({ view: 'hosts', input: noInput, access: admin }),
  'hosts.add': channel<typeof addHostInput, Host>({ view: 'hosts', input: addHostInput, access: admin }),
  'hosts.setActive': channel<typeof setActiveInput, Host>({ view: 'hosts', input: setActiveInput, access: admin }),
  // The kiosk, only while hostNotice.enabled.
  'hosts.suggest': channel<typeof suggestInput, HostSuggestion[]>({ input: suggestInput, access: 'public' }),
  'hosts.notify': channel<typeof notifyHostInput, null>({ input: notifyHostInput, access: 'public' }),
};
