import { noticeVersion } from '../../shared/notice';
import { printable } from '../../shared/printable';
import { command, OPERATOR, unwrap } from './command';
import { formatToday } from './format';

/** The reception's own visits: a visitor registered by hand, and today's list. */
export const visitCommands = [
  command({
    name: 'visits sign-in',
    summary: 'register a visitor by hand',
    usage: ['--first F --last L [--company C] [--plate P]'],
    options: {
      first: { type: 'string', value: 'F', help: 'first name' },
      last: { type: 'string', value: 'L', help: 'last name' },
      company: { type: 'string', value: 'C', help: 'company' },
      plate: { type: 'string', value: 'P', help: 'licence plate, when they came by car' },
    },
    run: async ({ kiosk, values, print }) => {
      const receipt = unwrap(
        await kiosk.router.invoke(
          'visits.signIn',
          {
            firstName: values.first ?? '',
            lastName: values.last ?? '',
            company: values.company,
            plate: values.plate,
            // A receptionist registering a visitor by hand has shown them the current notice.
            noticeVersion: noticeVersion(kiosk.config),
          },
          OPERATOR,
        ),
      );
      print(receipt, () => `Signed in ${printable(receipt.firstName)}. Sign-out code: ${receipt.signOutCode}`);
    },
  }),

  command({
    name: 'visits today',
    summary: "list today's visitors",
    usage: [''],
    options: {},
    run: async ({ kiosk, print }) => {
      const today = unwrap(await kiosk.router.invoke('visits.today', {}, OPERATOR));
      print(today, () => formatToday(today));
    },
  }),
];
