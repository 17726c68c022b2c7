import type { ChangedSetting } from '../../shared/api/settings';
import { printable } from '../../shared/printable';
import { SETTING_KEYS, valueAt } from '../../shared/settings/config-paths';
import { describeProblem } from '../../shared/settings/setting-problems';
import { command, OPERATOR, unwrap } from './command';
import { UsageError } from './usage-error';

const EXIT_FAILED = 1;
const EXIT_HELD_BACK = 3;

const formatChange = (change: ChangedSetting) =>
  `${change.key}: ${change.before ?? '(not set)'} -> ${change.after ?? '(not set)'}`;

function parseValue(key: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(
      `${printable(key)}: VALUE must be JSON, such as 3, true, null or a text in quotes ('"Europe/Amsterdam"'), not ${printable(text)}`,
    );
  }
}

export const settingsCommands = [
  command({
    name: 'settings show',
    summary: "the kiosk's settings (config.json), passwords hidden",
    usage: ['[--json]'],
    options: {},
    run: async ({ kiosk, print }) => {
      const view = unwrap(await kiosk.router.invoke('settings.show', {}, OPERATOR));
      print(view.config, () =>
        [
          `Settings in ${view.file}:`,
          ...SETTING_KEYS.map((key) => `  ${key} = ${JSON.stringify(valueAt(view.config, key)) ?? '(not set)'}`),
        ].join('\n'),
      );
    },
  }),

  command({
    name: 'settings set',
    makesDataDir: true,
    summary: 'change one setting, checked as at start-up; a running kiosk applies it at once',
    usage: ['KEY VALUE [--confirm]'],
    arguments: ['KEY', 'VALUE'],
    notes: [
      'VALUE is JSON: 3, true, null, "Europe/Amsterdam" (with its quotes), {"host": ...}; after -- it may start with "-".',
      'A bad value exits 2 naming the setting and why; nothing is changed.',
      'Shortening retention.visitMonths says how many visits the next run erases and exits 3 unless --confirm is given.',
    ],
    options: {
      confirm: { type: 'boolean', help: 'confirm a shorter retention period (visits erased at the next run)' },
    },
    run: async ({ kiosk, values, args, io, print }) => {
      const [key = '', text = ''] = args;
      const outcome = unwrap(
        await kiosk.router.invoke(
          'settings.save',
          { changes: [{ key, value: parseValue(key, text) as never }], confirmed: values.confirm },
          OPERATOR,
        ),
      );
      if (outcome.outcome === 'invalid') throw new UsageError(outcome.problems.map(describeProblem).join('; '));
      if (outcome.outcome === 'needsConfirmation') {
        io.stderr(
          `kiosk: ${printable(key)}: the next visit purge would erase ${outcome.visitsErasedNextRun} visit(s), ` +
            `${outcome.visitsErasedByChange} of them because of this change; nothing changed. Run again with --confirm to save it.`,
        );
        return EXIT_HELD_BACK;
      }
      print(outcome, () =>
        outcome.changed.length === 0 ? 'Nothing changed.' : outcome.changed.map(formatChange).join('\n'),
      );
    },
  }),

  command({
    name: 'settings test-mail',
    summary: 'send a test mail through alerts.email; says what the server answered',
    usage: [''],
    notes: ['Exits 0 when the server took the mail, 1 with its own error (TLS, login, a refused recipient).'],
    options: {},
    run: async ({ kiosk, io, print }) => {
      const outcome = unwrap(await kiosk.router.invoke('settings.testMail', {}, OPERATOR));
      if (!outcome.sent && outcome.reason === 'notConfigured')
        throw new UsageError('alerts.email is not set: no mail server to send through');
      if (!outcome.sent) {
        io.stderr(`kiosk: test mail not sent (${outcome.stage}): ${outcome.serverMessage}`);
        return EXIT_FAILED;
      }
      print(outcome, () => `Test mail sent to ${outcome.to.join(', ')}.`);
    },
  }),
];
