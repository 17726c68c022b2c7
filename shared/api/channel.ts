import type { z } from 'zod';

export type StaffRole = 'receptionist' | 'security' | 'admin';
export const STAFF_ROLES: readonly StaffRole[] = ['receptionist', 'security', 'admin'];

/** Who may call a channel: anyone at the kiosk, or staff holding one of the listed roles. */
export type Access = 'public' | readonly StaffRole[];

export interface Channel<Input extends z.ZodType, Output> {
  input: Input;
  access: Access;
  /** Never read: carries the output type, so the router and clients agree on it. */
  output?: Output;
}

export function channel<Input extends z.ZodType, Output>(declaration: {
  input: Input;
  access: Access;
}): Channel<Input, Output> {
  return declaration;
}
