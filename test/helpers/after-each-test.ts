/**
 * Clean-ups helpers ask for after every test: closing kiosks, removing temp folders. Helpers register
 * here when they load, and test/setup/after-each-test.ts (a vitest setup file, run for every test
 * file) calls them. A hook of the helper's own would run for the first test file only where files
 * share a worker and its loaded modules, as the unit project's do.
 */
const cleanUps: (() => unknown)[] = [];

export function afterEachTest(cleanUp: () => unknown) {
  cleanUps.push(cleanUp);
}

/** The last registered first: a kiosk closes before the folder it lives in goes. */
export async function runCleanUps() {
  for (const cleanUp of [...cleanUps].reverse()) await cleanUp();
}
