import path from 'node:path';

/** The repository root: the footage child runs from there, so tsx finds the project's settings. */
export const repository = path.resolve(import.meta.dirname, '../..');

/** Node's arguments to run test/fixtures/footage-child.ts: a scan or purge in a process of its own. */
export const footageChildArgs = (
  databaseFile: string,
  root: string,
  nowMs: number,
  mode: 'scan' | 'purge',
  freezeAt?: `${'before' | 'inside'}:${number}`,
) => [
  '--import',
  'tsx',
  path.join(repository, 'test/fixtures/footage-child.ts'),
  databaseFile,
  root,
  String(nowMs),
  mode,
  ...(freezeAt ? [freezeAt] : []),
];
