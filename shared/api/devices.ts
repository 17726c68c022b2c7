import { z } from 'zod';
import type { MessageKey } from '../messages';
import type { StaffViewName } from '../staff-views';
import { channel } from './channel';

export type DeviceKind = 'desk' | 'kiosk';
export const DEVICE_KINDS: readonly DeviceKind[] = ['desk', 'kiosk'];

/** A browser enrolled on the console: a staff desk, or a second entrance showing the visitor screens. */
export interface Device {
  id: number;
  name: string;
  kind: DeviceKind;
  enrolledAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
}

/** A one-time code an admin gives to the person at the new device. */
export interface EnrolmentCode {
  code: string;
  name: string;
  kind: DeviceKind;
  expiresAt: number;
  /** Where to open the console, or null while `console.listen` is off. */
  consoleUrl: string | null;
}

export interface ConsoleInfo {
  listen: string | null;
  url: string | null;
  /** SHA-256 of the certificate, as AA:BB:...; null until the console has a certificate. */
  fingerprint: string | null;
  enrolmentClosed: boolean;
}

/**
 * What kind of screen is asking: a desk device, a kiosk device, the lobby's own window, or the
 * loopback browser mode; and which staff views open on it (null: every view of the role).
 */
export interface ScreenInfo {
  kind: DeviceKind | 'lobby' | 'browser';
  deviceName: string | null;
  staffViews: StaffViewName[] | null;
}

export interface OnDutyStaff {
  staffId: number;
  name: string;
}

export interface RollCallRecord {
  visitors: number;
  visitorsPresent: number;
  staff: number;
  staffPresent: number;
}

const noInput = z.strictObject({});
const deviceName = z
  .string({ error: 'name.required' satisfies MessageKey })
  .trim()
  .min(1, { error: 'name.required' satisfies MessageKey })
  .max(80, { error: 'name.tooLong' satisfies MessageKey })
  .refine((name) => !/[<>\p{Cc}\p{Cf}]/u.test(name), { error: 'company.invalidCharacters' satisfies MessageKey });
export const createCodeInput = z.strictObject({
  name: deviceName,
  kind: z.enum(['desk', 'kiosk'], { error: 'field.invalid' satisfies MessageKey }),
});
export const enrollInput = z.strictObject({
  code: z.string({ error: 'device.codeWrong' satisfies MessageKey }).max(64, { error: 'device.codeWrong' }),
});
const deviceIdInput = z.strictObject({ deviceId: z.int({ error: 'field.invalid' satisfies MessageKey }).positive() });
const idList = z.array(z.int().positive()).max(10_000);
const rollCallInput = z.strictObject({ presentVisitIds: idList, presentStaffIds: idList });

const admin = ['admin'] as const;
const evacuation = ['receptionist', 'security', 'admin'] as const;

export const devicesApi = {
  /** The console server answers this itself (it sets the credential's cookie); other screens are refused. */
  'devices.enroll': channel<typeof enrollInput, { kind: DeviceKind }>({ input: enrollInput, access: 'public' }),
  'devices.screen': channel<typeof noInput, ScreenInfo>({ input: noInput, access: 'public' }),
  'devices.createCode': channel<typeof createCodeInput, EnrolmentCode>({
    view: 'devices',
    input: createCodeInput,
    access: admin,
  }),
  'devices.list': channel<typeof noInput, Device[]>({ view: 'devices', input: noInput, access: admin }),
  'devices.revoke': channel<typeof deviceIdInput, Device>({ view: 'devices', input: deviceIdInput, access: admin }),
  'devices.reopenEnrolment': channel<typeof noInput, null>({ view: 'devices', input: noInput, access: admin }),
  'console.info': channel<typeof noInput, ConsoleInfo>({ view: 'devices', input: noInput, access: admin }),
  // The evacuation roll call: staff whose view is unlocked somewhere, and the record of counts.
  'evacuation.onDuty': channel<typeof noInput, OnDutyStaff[]>({
    view: 'evacuation',
    input: noInput,
    access: evacuation,
  }),
  'evacuation.rollCallEnd': channel<typeof rollCallInput, RollCallRecord>({
    view: 'evacuation',
    input: rollCallInput,
    access: evacuation,
  }),
};
