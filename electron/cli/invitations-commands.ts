import fs from 'node:fs';
import type { ExpectedCsvImport, Invitation } from '../../shared/api/invitations';
import { translate } from '../../shared/messages';
import type { Result } from '../../shared/result';
import { invitationQrText } from '../../shared/validation/scanned-code';
import { command } from './command';
import { runExitCode } from './run-outcome';
import { UsageError } from './usage-error';

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const fields = Object.entries(result.error.fields ?? {}).map(
    ([field, key]) => `${field}: ${translate(key!, 'en', result.error.params)}`,
  );
  throw new UsageError([translate(result.error.key, 'en', result.error.params), ...fields].join('; '));
}

const DELIMITER_NAMES = { ';': 'semicolons', ',': 'commas', '\t': 'tabs' } as const;

function describeCsvImport(read: ExpectedCsvImport): string {
  const ignored = read.unknownColumns.length ? `; ignored columns: ${read.unknownColumns.join(', ')}` : '';
  return `Read as ${read.encoding} with ${DELIMITER_NAMES[read.delimiter]}: ${read.invitations.length} visitors${ignored}.`;
}

async function asText(invitation: Invitation): Promise<string> {
  const { default: QRCode } = await import('qrcode');
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

export const invitationCommands = [
  command({
    name: 'visits expect',
    summary: 'expected visitors, with invitation letters',
    usage: ['--first F --last L [--company C] [--plate P] [--host H] --date DATE', '--csv FILE --date DATE'],
    options: {
      first: { type: 'string', value: 'F', help: 'first name' },
      last: { type: 'string', value: 'L', help: 'last name' },
      company: { type: 'string', value: 'C', help: 'company' },
      plate: { type: 'string', value: 'P', help: 'licence plate' },
      host: { type: 'string', value: 'H', help: 'the colleague they visit' },
      csv: {
        type: 'string',
        value: 'FILE',
        help: 'a list of visitors, one a line (UTF-8 or Windows-1252; ; , or tab; see README)',
      },
      date: {
        type: 'string',
        required: true,
        value: 'DATE',
        help: 'the day they come',
        hint: 'such as --date 2026-12-01',
      },
    },
    run: async ({ kiosk, values, print, io }) => {
      let invitations: Invitation[];
      if (values.csv !== undefined) {
        let file: Buffer;
        try {
          file = fs.readFileSync(values.csv);
        } catch (error) {
          throw new UsageError(`cannot read ${values.csv}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
        }
        const input = { date: values.date, file: file.toString('base64') };
        const read = unwrap(await kiosk.router.invoke('invitations.addCsv', input, operator));
        invitations = read.invitations;
        io.stderr(describeCsvImport(read));
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
  }),

  command({
    name: 'visits expect-purge',
    summary: 'erase expected visits nobody came for, now',
    usage: [''],
    notes: ['Exits 0 when done, 3 when held back (stderr says why and how to go on), 1 when it failed.'],
    options: {},
    run: async ({ kiosk, io, print }) => {
      const run = unwrap(await kiosk.router.invoke('invitations.purge', {}, operator));
      // Held back or failed: one line saying why and how to go on, and exit 3 or 1, as retention run.
      if (run.outcome !== 'ok') return runExitCode(run, io.stderr);
      print(run, () => `Erased ${run.counts.erased ?? 0} expected visits nobody came for.`);
    },
  }),
];
