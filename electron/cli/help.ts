import { COMMON_OPTIONS, type Command, type OptionSpec, type OptionSpecs } from './command';

const SUMMARY_COLUMN = 66;

function commandLines(command: Command): string[] {
  const [first = '', ...more] = command.usage.map((usage) => `  ${command.name} ${usage}`.trimEnd());
  const head =
    first.length < SUMMARY_COLUMN - 1
      ? [`${first.padEnd(SUMMARY_COLUMN)}${command.summary}`]
      : [first, `${''.padEnd(SUMMARY_COLUMN)}${command.summary}`];
  return [...head, ...more.map((line) => `  ${line}`)];
}

function optionLines(options: OptionSpecs): string[] {
  const entries = Object.entries(options);
  const label = ([name, spec]: [string, OptionSpec]) => `--${name}${spec.value ? ` ${spec.value}` : ''}`;
  const width = Math.max(...entries.map((entry) => label(entry).length)) + 3;
  return entries.map(
    (entry) => `  ${label(entry).padEnd(width)}${entry[1].required ? '(required) ' : ''}${entry[1].help}`,
  );
}

/** `kiosk --help`: every command with its usage, from the table. */
export function formatUsage(commands: readonly Command[], defaultDataDir: string): string {
  return [
    'Usage: kiosk <command> [options]        kiosk <command> --help shows its options',
    '',
    'Commands:',
    ...commands.flatMap(commandLines),
    '',
    'retention run, footage scan, footage purge and footage confirm-deletion exit 0 when done, 3 when held',
    'back (stderr says why and how to go on), 1 when they failed. A mistake in the command exits 2.',
    '',
    'Every command takes:',
    ...optionLines(COMMON_OPTIONS),
    `(--data-dir defaults to ${defaultDataDir})`,
    '',
    'KIOSK_NOW=<ISO 8601 timestamp> runs the command as if it were that time.',
  ].join('\n');
}

/** `kiosk <command> --help`: its usage lines, its own options, and the options every command takes. */
export function formatCommandHelp(command: Command): string {
  const own = Object.keys(command.options).length > 0;
  return [
    ...command.usage.map((usage, index) =>
      `${index === 0 ? 'Usage:' : '      '} kiosk ${command.name} ${usage}`.trimEnd(),
    ),
    '',
    `${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}.`,
    ...(command.notes ?? []),
    ...(own ? ['', 'Options:', ...optionLines(command.options)] : []),
    '',
    'Every command takes:',
    ...optionLines(COMMON_OPTIONS),
  ].join('\n');
}
