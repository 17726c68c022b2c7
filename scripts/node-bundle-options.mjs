// The esbuild options the Node side's ES-module bundles share: scripts/build-node.mjs (every entry
// point) and scripts/cli.mjs (the CLI, rebuilt when its sources changed).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Every package stays external (the packaged app ships its production dependencies; Electron is
 * Electron's), as `packages: 'external'` would have it, but zod: as a package it is ~100 ES modules,
 * and resolving and linking them cost a CLI command more than the code itself.
 */
const packagesExternalButZod = {
  name: 'packages-external-but-zod',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) =>
      /^zod(\/|$)/.test(specifier) ? undefined : { path: specifier, external: true },
    );
  },
};

/**
 * zod's `z.locales` holds the error messages of some 60 languages, half of the bundled zod. We show our
 * own messages (shared/messages.ts), so only the English default it sets up for itself is kept.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, ({ importer, resolveDir }) =>
      /[\\/]zod[\\/]/.test(importer)
        ? { path: 'zod-locales', namespace: 'zod-english-only', pluginData: { resolveDir } }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, ({ pluginData }) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: pluginData.resolveDir,
    }));
  },
};

export const esmBundleOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  format: 'esm',
  plugins: [packagesExternalButZod, zodEnglishOnly],
  // A module loaded with import() is a chunk of its own, and so are the packages only it imports:
  // a CLI command loads the code it runs, not the whole core (csv-parse, csv-stringify, ...).
  splitting: true,
};

/**
 * The CLI is built on its own: chunks shared with the other entry points would split its start-up
 * into more files to load, each resolved, read and linked in turn.
 */
export const cliBundleOptions = {
  ...esmBundleOptions,
  chunkNames: 'chunks/cli-[name]-[hash]',
  entryPoints: { cli: 'electron/cli/main.ts' },
};
