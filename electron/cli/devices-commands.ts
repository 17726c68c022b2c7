import type { Device } from '../../shared/api/devices';
import { formatIsoDateTime } from '../../shared/date-format';
import { printable } from '../../shared/printable';
import { command, OPERATOR, requiredInteger, unwrap } from './command';
import { UsageError } from './usage-error';

function formatDevices(devices: Device[], timeZone: string): string {
  if (devices.length === 0) return 'No devices enrolled.';
  const when = (at: number | null) => (at === null ? '-' : formatIsoDateTime(at, timeZone));
  return devices
    .map((device) =>
      [
        String(device.id).padStart(4),
        printable(device.name).padEnd(24),
        device.kind.padEnd(5),
        `enrolled ${when(device.enrolledAt)}`,
        `last seen ${when(device.lastSeenAt)}`,
        device.revokedAt === null ? '' : `revoked ${when(device.revokedAt)}`,
      ]
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Console devices and the console itself. */
export const deviceCommands = [
  command({
    name: 'devices enroll',
    summary: 'a one-time code (15 minutes) to enrol a console device',
    usage: ['--name N --kind desk|kiosk'],
    options: {
      name: { type: 'string', required: true, value: 'N', help: 'what to call the device, such as Receptie-pc' },
      kind: {
        type: 'string',
        required: true,
        value: 'K',
        help: 'desk (staff views) or kiosk (visitor screens)',
        hint: 'desk or kiosk',
      },
    },
    check: (values) => {
      if (values.kind !== 'desk' && values.kind !== 'kiosk')
        throw new UsageError(`--kind must be desk or kiosk, not "${printable(values.kind)}"`);
    },
    run: async ({ kiosk, values, print }) => {
      const kind = values.kind as 'desk' | 'kiosk';
      const code = unwrap(await kiosk.router.invoke('devices.createCode', { name: values.name, kind }, OPERATOR));
      const info = unwrap(await kiosk.router.invoke('console.info', {}, OPERATOR));
      print({ ...code, fingerprint: info.fingerprint }, () =>
        [
          `Enrolment code for ${printable(code.name)} (${code.kind}): ${code.code}`,
          `Valid until ${formatIsoDateTime(code.expiresAt, kiosk.config.timeZone)}, once.`,
          code.consoleUrl
            ? `Open ${code.consoleUrl} on the device; its certificate's SHA-256 is ${info.fingerprint}.`
            : 'The console is off: set console.listen in config.json (or start with --console-listen).',
        ].join('\n'),
      );
    },
  }),

  command({
    name: 'devices list',
    summary: 'enrolled console devices',
    usage: [''],
    options: {},
    run: async ({ kiosk, print }) => {
      const devices = unwrap(await kiosk.router.invoke('devices.list', {}, OPERATOR));
      print(devices, () => formatDevices(devices, kiosk.config.timeZone));
    },
  }),

  command({
    name: 'devices revoke',
    summary: 'end a device’s access at its next request',
    usage: ['--id N'],
    options: { id: { type: 'string', required: true, value: 'N', help: "the device's number (devices list)" } },
    run: async ({ kiosk, values, print }) => {
      const deviceId = requiredInteger(values.id, 'id');
      const device = unwrap(await kiosk.router.invoke('devices.revoke', { deviceId }, OPERATOR));
      print(device, () => `Device ${device.id} (${printable(device.name)}) is revoked.`);
    },
  }),

  command({
    name: 'devices reopen',
    summary: 'open enrolment again after too many wrong codes',
    usage: [''],
    options: {},
    run: async ({ kiosk, print }) => {
      unwrap(await kiosk.router.invoke('devices.reopenEnrolment', {}, OPERATOR));
      print(null, () => 'Enrolment is open again.');
    },
  }),

  command({
    name: 'console info',
    summary: "the console's address and certificate fingerprint",
    usage: [''],
    options: {},
    run: async ({ kiosk, print }) => {
      const info = unwrap(await kiosk.router.invoke('console.info', {}, OPERATOR));
      print(info, () =>
        info.listen === null
          ? 'The console is off (console.listen is not set).'
          : [
              `Console: ${info.url}`,
              `Certificate SHA-256: ${info.fingerprint}`,
              info.enrolmentClosed
                ? 'Enrolment is CLOSED after too many wrong codes: kiosk devices reopen'
                : 'Enrolment is open.',
            ].join('\n'),
      );
    },
  }),
];
