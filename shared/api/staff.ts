import { z } from 'zod';
import { addStaffInput, firstAdminInput, resetPinInput, staffId, unlockInput } from '../validation/staff-schemas';
import { channel, noInput } from './channel';
import type { SetupStatus, StaffAccount, StaffSessionInfo } from './types';

const lockInput = z.strictObject({ reason: z.enum(['manual', 'idle']).default('manual') });
const setDisabledInput = z.strictObject({ staffId, disabled: z.boolean() });

const admin = ['admin'] as const;

export const staffApi = {
  // Unlocking and locking the staff view. Staff unlock with their staff number and PIN: no channel
  // lists the staff to the public screen.
  'staff.setupStatus': channel<typeof noInput, SetupStatus>({ input: noInput, access: 'public' }),
  'staff.createFirstAdmin': channel<typeof firstAdminInput, StaffSessionInfo>({
    input: firstAdminInput,
    access: 'public',
  }),
  'staff.unlock': channel<typeof unlockInput, StaffSessionInfo>({ input: unlockInput, access: 'public' }),
  'staff.session': channel<typeof noInput, StaffSessionInfo | null>({ input: noInput, access: 'public' }),
  'staff.lock': channel<typeof lockInput, null>({ input: lockInput, access: 'public' }),

  // Administration.
  'staff.list': channel<typeof noInput, StaffAccount[]>({ view: 'staff', input: noInput, access: admin }),
  'staff.add': channel<typeof addStaffInput, StaffAccount>({ view: 'staff', input: addStaffInput, access: admin }),
  'staff.setDisabled': channel<typeof setDisabledInput, StaffAccount>({
    view: 'staff',
    input: setDisabledInput,
    access: admin,
  }),
  'staff.resetPin': channel<typeof resetPinInput, null>({ view: 'staff', input: resetPinInput, access: admin }),
};
