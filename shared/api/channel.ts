import { z } from 'zod';
import type { StaffViewName } from '../staff-views';

/** `privacy` is the privacy officer: data-subject requests only, none of the admin's other powers. */
export type StaffRole = 'receptionist' | 'security' | 'admin' | 'privacy';
export const STAFF_ROLES: readonly StaffRole[] = ['receptionist', 'security', 'admin', 'privacy'];

/** Who may call a channel: anyone at the kiosk, or staff holding one of the listed roles. */
export type Access = 'public' | readonly StaffRole[];

/**
 * The staff view a staff channel serves, or every view (the health banner). A lobby screen (the
 * lobby's own window, a kiosk device) calls a staff channel only when `lobby.staffViews` opens its view.
 */
export type ChannelView = StaffViewName | 'every';

export interface Channel<Input extends z.ZodType, Output> {
  input: Input;
  access: Access;
  /** Set on every staff channel (the declaration requires it), absent on public ones. */
  view?: ChannelView;
  /** Never read: carries the output type, so the router and clients agree on it. */
  output?: Output;
}

export function channel<Input extends z.ZodType, Output>(
  declaration: { input: Input; access: 'public' } | { input: Input; access: readonly StaffRole[]; view: ChannelView },
): Channel<Input, Output> {
  return declaration;
}

/** The input of a channel that takes none. */
export const noInput = z.strictObject({});
/** A moment as milliseconds since 1970, within what a JavaScript Date can hold. */
export const epochMs = z.int().min(0).max(8.64e15);
