import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMON_OPTIONS } from '../../../electron/cli/command';
import { COMMANDS } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/run';
import { cli } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

/** A usage error: exit 2, one line on stderr, nothing on stdout, and no data folder touched. */
function expectUsageError(args: string[], message: RegExp) {
  const dataDir = makeTempDir();
  const run = cli([...args, '--data-dir', dataDir]);
  expect(run).toMatchObject({ code: 2, stdout: '' });
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(fs.readdirSync(dataDir)).toEqual([]);
}

describe('the CLI as a table of commands', () => {
  it.each([
    [['staff', 'disable'], /--id is required/],
    [['staff', 'enable'], /--id is required/],
    [['staff', 'reset-pin'], /--id is required/],
    [['holds', 'release'], /--id is required/],
    [['holds', 'extend-review', '--review', '2027-01-31'], /--id is required/],
    [['holds', 'extend-review', '--id', '1'], /--review is required/],
    [['visits', 'correct', '--first', 'Anna'], /--id is required/],
    [['visits', 'erase', '--reason', 'request 17'], /--ids is required: such as --ids 12,13/],
    [['visits', 'expect', '--first', 'A', '--last', 'B'], /--date is required: such as --date 2026-12-01/],
    // --out may be left out (the export folder); the request's purpose may not (issue 20).
    [['footage', 'export', '--visit', '1', '--reason', 'PV'], /--purpose is required/],
    [['holds', 'add', '--reason', 'x', '--basis', 'legalObligation'], /needs --visit N, --file PATH or --camera C/],
    [
      ['footage', 'export', '--out', '/tmp/case', '--reason', 'PV', '--purpose', 'police-request'],
      /either --visit N or --files/,
    ],
  ])('a missing required option of %j is a usage error naming it, not a 0', (args, message) => {
    expectUsageError(args, message);
  });

  it('names the command when an option is not one of its own, even one another command takes', () => {
    expectUsageError(['staff', 'list', '--camera', 'gate'], /Unknown option '--camera' for "staff list"/);
    expectUsageError(['visits', 'today', '--dry-run'], /Unknown option '--dry-run' for "visits today"/);
    expectUsageError(['holds', 'release', '--id', '1', '--ids', '1,2'], /Unknown option '--ids' for "holds release"/);
  });

  it('an option without its value is a usage error naming the command', () => {
    expectUsageError(['holds', 'release', '--id'], /^kiosk: holds release: .*--id/);
    expectUsageError(
      ['holds'],
      /^kiosk: "holds" is one of: holds add, holds extend-review, holds release, holds list$/m,
    );
    expectUsageError(['visits', 'today', 'yesterday'], /^kiosk: visits today: unexpected argument "yesterday"/);
  });

  it('kiosk --help lists every command of the table with its usage', () => {
    const run = cli(['--help']);
    expect(run.code).toBe(0);
    for (const command of COMMANDS) {
      for (const usage of command.usage) expect(run.stdout).toContain(`${command.name} ${usage}`.trimEnd());
      expect(run.stdout).toContain(command.summary);
    }
  });

  it('kiosk <command> --help shows its usage and its own options only, required ones marked', () => {
    const run = cli(['holds', 'extend-review', '--help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Usage: kiosk holds extend-review --id N --review DATE\n/);
    expect(run.stdout).toMatch(/--id N +\(required\) the hold's number/);
    expect(run.stdout).toMatch(/--review DATE +\(required\) the new review date/);
    expect(run.stdout).toMatch(/--data-dir D +the kiosk's data folder/);
    expect(run.stdout).not.toContain('--camera');
    // Help even when required options are missing, and before any data folder is opened.
    expect(cli(['staff', 'disable', '--help']).stdout).toMatch(/^Usage: kiosk staff disable --id N/);
  });

  it('every command of the table has its own --help, opening nothing', async () => {
    for (const command of COMMANDS) {
      const out: string[] = [];
      const code = await runCli({
        argv: [...command.name.split(' '), '--help', '--data-dir', '/nonexistent/kiosk'],
        env: {},
        stdout: (text) => out.push(text),
        stderr: (text) => out.push(`stderr: ${text}`),
        readSecret: () => Promise.reject(new Error('no secret in help')),
      });
      expect([command.name, code]).toEqual([command.name, 0]);
      expect(out.join('\n')).toMatch(new RegExp(`^Usage: kiosk ${command.name}( |\n)`));
      for (const name of Object.keys(command.options)) expect(out.join('\n')).toContain(`--${name}`);
    }
    expect(fs.existsSync('/nonexistent')).toBe(false);
  });

  it('every option a usage line or note mentions is an option of that command', () => {
    for (const command of COMMANDS) {
      const text = [...command.usage, ...(command.notes ?? [])].join(' ');
      const mentioned = Array.from(text.matchAll(/--([a-z][a-z-]*)/g), (match) => match[1]!);
      for (const name of mentioned)
        expect([command.name, name]).toSatisfy(() => name in { ...command.options, ...COMMON_OPTIONS });
    }
  });

  it('names each command once, and an option has one type across commands', () => {
    const names = COMMANDS.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    const types = new Map<string, string>();
    for (const command of COMMANDS)
      for (const [name, spec] of Object.entries({ ...COMMON_OPTIONS, ...command.options })) {
        expect([command.name, name, spec.type]).toEqual([command.name, name, types.get(name) ?? spec.type]);
        types.set(name, spec.type);
      }
  });
});
