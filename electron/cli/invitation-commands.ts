import fs from 'node:fs';
import QRCode from 'qrcode';
import type { Invitation } from '../../shared/api/invitations';
import { translate } from '../../shared/messages';
import type { Result } from '../../shared/result';
import { invitationQrText } from '../../shared/validation/scanned-code';
import type { Kiosk } from '../core/kiosk';

interface InvitationContext {
  kiosk: Kiosk;
  values: {
    first?: string;
    last?: string;
    company?: string;
    plate?: string;
    host?: string;
    date?: string;
    csv?: string;
  };
  print: (value: unknown, asText: () => string) => void;
}

/** A mistake in what was typed; run.ts prints it as one line and exits with code 2. */
export class InvitationUsageError extends Error {}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const fields = Object.entries(result.error.fields ?? {}).map(
    ([field, key]) => `${field}: ${translate(key!, 'en', result.error.params)}`,
  );
  throw new InvitationUsageError([translate(result.error.key, 'en', result.error.params), ...fields].join('; '));
}

async function asText(invitation: Invitation): Promise<string> {
  const qr = await QRCode.toString(invitationQrText(invitation.code), { type: 'utf8', margin: 2 });
  return [
    `Invitation ${invitation.code} for ${invitation.firstName} ${invitation.lastName} on ${invitation.date}`,
    qr,
    '--- Nederlands ---',
    invitation.text.nl,
    '',
    '--- English ---',
    invitation.text.en,
  ].join('\n');
}

// The operator adds expected visitors; the output is the invitation letter to pass on.
const operator = { kind: 'operator' } as const;

export const invitationCommands = {
  'visits expect-purge': async ({ kiosk, print }: InvitationContext) => {
    const run = unwrap(await kiosk.router.invoke('invitations.purge', {}, operator));
    if (run.outcome !== 'ok') throw new InvitationUsageError(`${run.job} ${run.outcome}: ${run.message}`);
    print(run, () => `Erased ${run.counts.erased ?? 0} expected visits nobody came for.`);
  },

  'visits expect': async ({ kiosk, values, print }: InvitationContext) => {
    if (values.date === undefined) throw new InvitationUsageError('--date is required, such as --date 2026-12-01');
    let invitations: Invitation[];
    if (values.csv !== undefined) {
      let csv: string;
      try {
        csv = fs.readFileSync(values.csv, 'utf8');
      } catch (error) {
        throw new InvitationUsageError(
          `cannot read ${values.csv}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
        );
      }
      invitations = unwrap(await kiosk.router.invoke('invitations.addCsv', { date: values.date, csv }, operator));
    } else {
      const input = {
        date: values.date,
        firstName: values.first ?? '',
        lastName: values.last ?? '',
        company: values.company,
        plate: values.plate,
        hostName: values.host,
      };
      invitations = [unwrap(await kiosk.router.invoke('invitations.add', input, operator))];
    }
    const texts = await Promise.all(invitations.map(asText));
    print(invitations, () => texts.join('\n\n========\n\n'));
  },
};
