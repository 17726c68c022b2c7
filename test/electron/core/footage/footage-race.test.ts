// A process with write access to the footage root swaps folders and files for symlinks while a purge
// runs and while playback is asked for: nothing outside the root, and nothing under a hold, may be
// deleted or served. Each test is bounded to a few seconds of attack.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../shared/config';
import { createMediaTickets } from '../../../../electron/core/footage/media';
import { purgeFootage } from '../../../../electron/core/footage/purge';
import { scanFootage } from '../../../../electron/core/footage/scanner';
import { createSessionStore } from '../../../../electron/core/staff/sessions';
import { manualClock, openTestKiosk } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const NOW = '2026-11-24T10:00:00Z';
const ATTACKER = path.resolve(import.meta.dirname, '../../../fixtures/symlink-attacker.mjs');
const SIZE = 16;
// One mtime for every file, decoys included: a swapped-in decoy passes the size-and-mtime re-check.
const MTIME = new Date(Date.parse(NOW) - 40 * 24 * 60 * 60 * 1000);

const names = (count: number) =>
  Array.from({ length: count }, (_, index) => {
    const minute = String(Math.floor(index / 6)).padStart(2, '0');
    const second = String((index % 6) * 10).padStart(2, '0');
    return `${minute}.${second}.mp4`;
  });

function writeFolder(folder: string, fileNames: string[], fill: string) {
  fs.mkdirSync(folder, { recursive: true });
  for (const name of fileNames) {
    const file = path.join(folder, name);
    fs.writeFileSync(file, fill.repeat(SIZE));
    fs.utimesSync(file, MTIME, MTIME);
  }
}

/** Every file under `folder` with its inode and content, to prove afterwards that none was touched. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(file, `${fs.lstatSync(file).ino}:${fs.readFileSync(file, 'utf8')}`);
  }
  return files;
}

function untouched(before: Map<string, string>): number {
  let same = 0;
  for (const [file, identity] of before) {
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    if (stat?.isFile() && `${stat.ino}:${fs.readFileSync(file, 'utf8')}` === identity) same++;
  }
  return same;
}

/** Starts the attacker on a plan and resolves once it has swapped everything at least once. */
async function startAttacker(swaps: { path: string; targets: string[] }[]) {
  const folder = makeTempDir('attack-plan-');
  const plan = path.join(folder, 'plan.json');
  const stopFile = path.join(folder, 'stop');
  fs.writeFileSync(plan, JSON.stringify({ swaps }));
  const child = spawn(process.execPath, [ATTACKER, plan, stopFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('swapping')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the attacker stopped early (${code}): ${output}`)));
  });
  return {
    /** Stops it; it puts every swapped path back before it exits. */
    stop: () =>
      new Promise<string>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve(output));
        fs.writeFileSync(stopFile, '');
      }),
    child: child as ChildProcess,
  };
}

async function setup() {
  const clock = manualClock(NOW);
  const config = { ...defaultConfig, footage: { ...defaultConfig.footage, settleMinutes: 0 } };
  const kiosk = await openTestKiosk({ clock, config });
  const root = makeTempDir('footage-root-');
  const outside = makeTempDir('outside-');
  return { clock, config, kiosk, root, outside };
}

describe('a purge while the share swaps folders and files for symlinks', () => {
  it('deletes nothing outside the root and nothing under a hold', { timeout: 60_000 }, async () => {
    const { clock, config, kiosk, root, outside } = await setup();
    const files = names(300);
    const day = path.join(root, '2026-10-01');
    const gates = Array.from({ length: 10 }, (_, hour) => path.join(day, String(hour).padStart(2, '0'), 'gate'));
    for (const gate of gates) writeFolder(gate, files, 'R');
    const vault = path.join(day, '00', 'vault'); // due by date, but held
    writeFolder(vault, files, 'V');
    const swappedFiles = path.join(root, '2026-10-02', '00', 'gate');
    writeFolder(swappedFiles, files, 'R');
    const swappedDay = path.join(root, '2026-10-03');
    writeFolder(path.join(swappedDay, '00', 'gate'), files, 'R');
    writeFolder(outside, files, 'D');
    writeFolder(path.join(outside, '00', 'gate'), files, 'D');

    await scanFootage({ database: kiosk.database, root, config, clock });
    await kiosk.holds.placeOnFootage(
      { staffId: 2, name: 'Sam' },
      { camera: 'vault', from: Date.parse('2026-10-01T00:00:00Z'), to: Date.parse('2026-10-02T00:00:00Z') },
      'Police request 118',
      null,
      { basis: 'legalObligation' },
    );
    // Two folders' deletions were left half done by a run that was killed: the repair runs under attack too.
    await kiosk.database.run(
      "UPDATE footage_files SET status = 'deleting' WHERE folder IN ('2026-10-01/08/gate', '2026-10-01/09/gate')",
    );
    const outsideBefore = snapshot(outside);
    const vaultBefore = snapshot(vault);

    const attacker = await startAttacker([
      ...gates.map((gate) => ({ path: gate, targets: [outside, vault] })),
      ...files.slice(0, 60).map((name) => ({
        path: path.join(swappedFiles, name),
        targets: [path.join(vault, name), path.join(outside, name)],
      })),
      { path: swappedDay, targets: [outside] },
    ]);
    let result;
    try {
      result = await purgeFootage({
        database: kiosk.database,
        root,
        config,
        clock,
        nextRunAt: clock.now() + 3_600_000,
        dryRun: false,
        allowLargeDeletion: true,
        stepSize: 500,
      });
    } finally {
      await attacker.stop();
    }

    const outsideKept = untouched(outsideBefore);
    const vaultKept = untouched(vaultBefore);
    expect({ result: result.outcome, outsideKept, vaultKept }).toEqual({
      result: 'ok',
      outsideKept: outsideBefore.size,
      vaultKept: vaultBefore.size,
    });
    const held = await kiosk.database.all<{ status: string }>(
      "SELECT DISTINCT status FROM footage_files WHERE camera = 'vault'",
    );
    expect(held).toEqual([{ status: 'kept' }]);
  });
});

async function readAll(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('playback while the share swaps folders and files for symlinks', () => {
  it(
    'serves only the file the ticket names, never a file outside the root or another one',
    { timeout: 60_000 },
    async () => {
      const { clock, config, kiosk, root, outside } = await setup();
      const files = names(10);
      const gate = path.join(root, '2026-11-20', '09', 'gate');
      const vault = path.join(root, '2026-11-20', '09', 'vault');
      const swappedFiles = path.join(root, '2026-11-20', '10', 'gate');
      writeFolder(gate, files, 'R');
      writeFolder(swappedFiles, files, 'R');
      writeFolder(vault, files, 'V');
      writeFolder(outside, files, 'D');
      await scanFootage({ database: kiosk.database, root, config, clock });

      const sessions = createSessionStore({ clock, idleMs: 120_000 });
      sessions.open('security-window', { staffId: 2, name: 'Sam', role: 'security' });
      const media = createMediaTickets({ database: kiosk.database, root: () => root, sessions });
      const playable = await kiosk.database.all<{ id: number }>(
        "SELECT id FROM footage_files WHERE camera = 'gate' ORDER BY id",
      );
      const tickets = await Promise.all(playable.map((row) => media.issue(row.id, 'security-window')));

      const attacker = await startAttacker([
        { path: gate, targets: [outside, vault] },
        ...files.map((name) => ({
          path: path.join(swappedFiles, name),
          targets: [path.join(vault, name), path.join(outside, name)],
        })),
      ]);
      const served = { real: 0, wrong: 0, refused: 0 };
      try {
        for (let request = 0; request < 3000; request++) {
          const answer = await media.respond(tickets[request % tickets.length]!, undefined);
          if (!answer.body) {
            served.refused++;
            continue;
          }
          if ((await readAll(answer.body)) === 'R'.repeat(SIZE)) served.real++;
          else served.wrong++;
        }
      } finally {
        await attacker.stop();
      }
      expect(served.wrong).toBe(0);
      expect(served.real).toBeGreaterThan(0);
    },
  );
});
