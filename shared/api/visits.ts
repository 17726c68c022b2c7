import { z } from 'zod';
import type { MessageKey } from '../messages';
import { signInInput, signOutByNameInput, signOutInput } from '../validation/visit-schemas';
import { channel, noInput } from './channel';
import type {
  CsvExport,
  EvacuationList,
  NoticeFacts,
  SignInReceipt,
  SignOutReceipt,
  TodayVisits,
  VisitRow,
} from './types';

const language = z.enum(['nl', 'en'], { error: 'field.invalid' satisfies MessageKey });
const visitIdInput = z.strictObject({ visitId: z.int({ error: 'field.invalid' satisfies MessageKey }).positive() });
const csvInput = z.strictObject({ language });
const printedInput = z.strictObject({ count: z.int().min(0).max(1_000_000) });

const reception = ['receptionist', 'admin'] as const;
const evacuation = ['receptionist', 'security', 'admin'] as const;

export const visitsApi = {
  // The kiosk, for anyone at the screen.
  'notice.current': channel<typeof noInput, NoticeFacts>({ input: noInput, access: 'public' }),
  'visits.signIn': channel<typeof signInInput, SignInReceipt>({ input: signInInput, access: 'public' }),
  'visits.signOut': channel<typeof signOutInput, SignOutReceipt>({ input: signOutInput, access: 'public' }),
  // A visitor who lost their code: their name, once, never a list (see visitor-guard.ts).
  'visits.signOutByName': channel<typeof signOutByNameInput, SignOutReceipt>({
    input: signOutByNameInput,
    access: 'public',
  }),

  // The reception desk.
  'visits.today': channel<typeof noInput, TodayVisits>({ view: 'today', input: noInput, access: reception }),
  'visits.register': channel<typeof signInInput, SignInReceipt>({
    view: 'register',
    input: signInInput,
    access: reception,
  }),
  'visits.signOutById': channel<typeof visitIdInput, VisitRow>({
    view: 'today',
    input: visitIdInput,
    access: reception,
  }),
  'visits.evacuation': channel<typeof noInput, EvacuationList>({
    view: 'evacuation',
    input: noInput,
    access: evacuation,
  }),
  'visits.evacuationCsv': channel<typeof csvInput, CsvExport>({
    view: 'evacuation',
    input: csvInput,
    access: evacuation,
  }),
  'visits.evacuationPrinted': channel<typeof printedInput, null>({
    view: 'evacuation',
    input: printedInput,
    access: evacuation,
  }),
};
