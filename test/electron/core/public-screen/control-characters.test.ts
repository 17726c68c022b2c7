import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evacuationCsv } from '../../../../electron/core/visits/evacuation-csv';
import { printable } from '../../../../shared/printable';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { runCli } from '../../../helpers/cli';
import { makeTempDir } from '../../../helpers/temp-dir';

// NUL, ESC with a colour and a fake line, a C1 control (CSI), the bidi overrides and isolates, and
// the line and paragraph separators.
const HOSTILE = [
  'a\u0000b',
  'red\u001b[31mtext',
  'line\nFAKE LINE',
  'cr\roverwritten',
  'c1\u009b31m',
  'nel\u0085x',
  'rtl\u202egnp.exe',
  ...['\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069'].map((c) => `bidi${c}x`),
  'sep\u2028x',
  'del\u007fx',
];
// Anything a terminal or a text viewer acts on, rather than shows.
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

describe('control characters in free text', () => {
  it('are refused in hold reasons, names and companies, and nothing is stored', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
    const signIn = await kiosk.router.invoke('visits.signIn', visitor(), callers.kiosk);
    if (!signIn.ok) throw new Error(signIn.error.key);
    for (const text of HOSTILE) {
      const hold = await kiosk.router.invoke(
        'holds.placeOnVisit',
        { visitId: 1, reason: text, basis: 'legalObligation' },
        callers.security,
      );
      expect(hold, JSON.stringify(text)).toMatchObject({
        ok: false,
        error: { key: 'validation.failed', fields: { reason: 'text.controlCharacters' } },
      });
      const footageHold = await kiosk.router.invoke(
        'holds.placeOnFootage',
        { path: 'a/b.mp4', reason: text, basis: 'legalObligation' },
        callers.security,
      );
      expect(footageHold).toMatchObject({ ok: false, error: { fields: { reason: 'text.controlCharacters' } } });
      for (const field of ['firstName', 'lastName', 'company'] as const) {
        const name = `Anna${text.replace(/[a-z]/g, '')}Jansen`;
        const result = await kiosk.router.invoke('visits.signIn', visitor({ [field]: name }), callers.kiosk);
        expect(result, `${field} ${JSON.stringify(name)}`).toMatchObject({
          ok: false,
          error: { key: 'validation.failed' },
        });
      }
      const staff = await kiosk.router.invoke(
        'staff.add',
        { name: `Rosa${text.replace(/[a-z]/g, '')}X`, role: 'receptionist', pin: '739164' },
        callers.admin,
      );
      expect(staff).toMatchObject({ ok: false, error: { key: 'validation.failed' } });
    }
    expect(await kiosk.database.get('SELECT count(*) AS n FROM legal_holds')).toEqual({ n: 0 });
    expect(await kiosk.database.get('SELECT count(*) AS n FROM visits')).toEqual({ n: 1 });
  });

  it('are escaped, visibly, wherever text is printed', () => {
    for (const text of HOSTILE) {
      const shown = printable(text);
      expect(shown, JSON.stringify(text)).not.toMatch(UNSAFE);
      expect(shown).toMatch(/\\(x[0-9A-F]{2}|u[0-9A-F]{4})/);
    }
    expect(printable('Zoë van ’t Hoff, 12-ABC-3')).toBe('Zoë van ’t Hoff, 12-ABC-3');
  });

  it('in the evacuation CSV, stored names with control characters come out escaped', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
    // Rows from before the validation, or written by anything but the kiosk.
    for (const [index, text] of HOSTILE.entries()) {
      await kiosk.database.run(
        "INSERT INTO visits (first_name, last_name, company, notice_version, signed_in_at, sign_out_code) VALUES (?, ?, ?, '1', ?, ?)",
        [text, text, `=HYPERLINK("x")${text}`, kiosk.clock.now(), `CODE${index}`],
      );
    }
    const { csv, count } = evacuationCsv(await kiosk.visits.onSite(), 'en');
    expect(count).toBe(HOSTILE.length);
    // Only the CSV's own line ends remain.
    expect(csv.replace(/\r\n/g, '').replace(/^\ufeff/, '')).not.toMatch(UNSAFE);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(HOSTILE.length + 1);
    expect(csv).toContain("'=HYPERLINK");
  });

  it('the CLI refuses them in a hold reason, and prints camera and file names escaped, as text and as JSON', () => {
    const dataDir = makeTempDir();
    const root = makeTempDir('footage-');
    const hostileCamera = 'gate\u001b[2J\u001b[31mFAKE\u202e';
    const names = [
      `2026-11-20/09/${hostileCamera}/00.00.mp4`,
      '2026-11-20/09/gate/01.00.mp4',
      'cam\nFAKE LINE_20261121_101500.mp4',
      'cam\u009b2J_20261121_111500.mp4',
      'cam\u202egnp_20261121_121500.mp4',
    ];
    for (const relative of names) {
      const file = path.join(root, ...relative.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'x');
      fs.utimesSync(file, new Date('2026-11-21T12:00:00Z'), new Date('2026-11-21T12:00:00Z'));
    }
    const base = ['--footage-root', root, '--data-dir', dataDir];
    expect(runCli(['footage', 'scan', ...base]).code).toBe(0);

    const text = runCli(['footage', 'list', ...base]);
    expect(text.code).toBe(0);
    expect(text.stdout.trimEnd().split('\n')).toHaveLength(names.length);
    expect(text.stdout.replace(/\n/g, '')).not.toMatch(UNSAFE);
    expect(text.stdout).toContain('gate\\x1B[2J\\x1B[31mFAKE\\u202E');

    const json = runCli(['footage', 'list', '--json', ...base]);
    expect(json.stdout.replace(/\n/g, '')).not.toMatch(UNSAFE);
    const rows = JSON.parse(json.stdout) as { camera: string; path: string }[];
    expect(rows.map((row) => row.path).sort()).toEqual([...names].sort());
    expect(rows.map((row) => row.camera)).toContain(hostileCamera);

    // The values the operator typed are echoed escaped too.
    const hold = runCli([
      'holds',
      'add',
      '--camera',
      hostileCamera,
      '--from',
      '2026-11-20',
      '--to',
      '2026-11-21',
      '--reason',
      'x\u001b[31m',
      ...base,
    ]);
    expect(hold.code).toBe(2);
    expect(hold.stderr).toMatch(/reason: /);
    const held = runCli([
      'holds',
      'add',
      '--file',
      names[2]!,
      '--reason',
      'Police request',
      '--basis',
      'legalObligation',
      ...base,
    ]);
    expect(held.code).toBe(0);
    expect(held.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(held.stdout.replace(/\n/g, '')).not.toMatch(UNSAFE);
    // The hold list names what a footage hold covers, escaped, on one line.
    const holds = runCli(['holds', 'list', ...base]);
    expect(holds.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(holds.stdout).toContain('footage file cam\\x0AFAKE LINE_20261121_101500.mp4');
  });
});
