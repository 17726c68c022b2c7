import { ESLint } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 19: time comes from the injected clock, and an ESLint rule forbids the real one elsewhere,
// with no exception outside the clock modules and the tests' helpers.
const ROOT = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function clockErrors(file: string, source: string) {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: file });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax').length;
}

describe('the clock rule', () => {
  it.each([
    ['electron/core/x.ts', 'const now = Date.now();'],
    ['electron/core/retention/x.ts', 'const now = new Date();'],
    ['electron/cli/x.ts', 'const now = Date();'],
    ['electron/browser/x.ts', 'const now = Date.now();'],
    ['shared/x.ts', 'const now = new Date();'],
    ['renderer/staff/x.tsx', 'const now = Date.now();'],
    ['test/electron/core/x.test.ts', 'const now = new Date();'],
    ['bench/x.bench.ts', 'const now = Date.now();'],
  ])('%s may not read the real clock: %s', async (file, source) => {
    expect(await clockErrors(file, source)).toBeGreaterThan(0);
  });

  it.each([
    ['electron/core/clock.ts', 'const now = Date.now();'],
    ['renderer/clock.ts', 'const now = Date.now();'],
    ['electron/core/x.ts', "const fixed = new Date('2026-12-07T10:00:00Z');"],
    ['shared/x.ts', 'const fixed = new Date(1_796_634_000_000);'],
  ])('%s may: %s', async (file, source) => {
    expect(await clockErrors(file, source)).toBe(0);
  });

  it('is switched off nowhere outside the clock modules and the test helpers', () => {
    const exempt = (file: string) =>
      ['electron/core/clock.ts', 'renderer/clock.ts'].includes(file) || file.startsWith('test/helpers/');
    const switchedOff: string[] = [];
    for (const top of ['electron', 'shared', 'renderer', 'test', 'bench', 'scripts']) {
      for (const entry of fs.readdirSync(path.join(ROOT, top), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name)) continue;
        const file = path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
        if (exempt(file)) continue;
        const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
        if (/eslint-disable(?:-next-line|-line)?(?:\s+[\w@/-]+,)*\s*(?:no-restricted-syntax\b|$|\*\/|--)/m.test(text))
          switchedOff.push(file);
      }
    }
    expect(switchedOff).toEqual([]);
  });
});
