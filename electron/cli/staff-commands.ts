import { printable } from '../../shared/printable';
import { command, OPERATOR, requiredInteger, unwrap, type Context } from './command';
import { formatStaff } from './format';

const ID = {
  id: { type: 'string', required: true, value: 'N', help: "the staff account's number (staff list)" },
} as const;

async function setDisabled({ kiosk, values, print }: Context<{ id: string }>, disabled: boolean) {
  const staffId = requiredInteger(values.id, 'id');
  const account = unwrap(await kiosk.router.invoke('staff.setDisabled', { staffId, disabled }, OPERATOR));
  print(account, () => `${printable(account.name)} is ${disabled ? 'disabled' : 'enabled'}.`);
}

/** Staff accounts; a PIN always comes from standard input. */
export const staffCommands = [
  command({
    name: 'staff add',
    makesDataDir: true,
    summary: 'add a staff account (PIN from stdin)',
    usage: ['--name N --role receptionist|security|admin|privacy'],
    options: {
      name: { type: 'string', value: 'N', help: "the staff member's name" },
      role: { type: 'string', value: 'R', help: 'receptionist, security, admin or privacy' },
    },
    run: async ({ kiosk, values, io, print }) => {
      const pin = await io.readSecret('PIN (6 to 12 digits): ');
      const input = { name: values.name ?? '', role: (values.role ?? '') as 'admin', pin };
      const account = unwrap(await kiosk.router.invoke('staff.add', input, OPERATOR));
      print(account, () => `Added ${printable(account.name)} (${account.role}) as staff account ${account.id}.`);
    },
  }),

  command({
    name: 'staff list',
    summary: 'list staff accounts',
    usage: [''],
    options: {},
    run: async ({ kiosk, print }) => {
      const accounts = unwrap(await kiosk.router.invoke('staff.list', {}, OPERATOR));
      print(accounts, () => formatStaff(accounts));
    },
  }),

  command({
    name: 'staff disable',
    summary: 'switch an account off',
    usage: ['--id N'],
    options: ID,
    run: (context) => setDisabled(context, true),
  }),

  command({
    name: 'staff enable',
    summary: 'switch an account on again',
    usage: ['--id N'],
    options: ID,
    run: (context) => setDisabled(context, false),
  }),

  command({
    name: 'staff reset-pin',
    summary: 'set a new PIN (from stdin)',
    usage: ['--id N'],
    options: ID,
    run: async ({ kiosk, values, io, print }) => {
      const staffId = requiredInteger(values.id, 'id');
      const pin = await io.readSecret('New PIN (6 to 12 digits): ');
      unwrap(await kiosk.router.invoke('staff.resetPin', { staffId, pin }, OPERATOR));
      print({ staffId }, () => `New PIN set for staff account ${staffId}.`);
    },
  }),
];
