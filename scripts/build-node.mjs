// Bundles the Node side into dist/electron: Electron main and preload, browser-mode server, CLI.
// npm packages stay external (the packaged app ships its production dependencies), except in the
// preload: a sandboxed preload can require nothing but 'electron', so it is one self-contained file.
import fs from 'node:fs';
import { build } from 'esbuild';

const BUNDLED_PACKAGES = new Set(['zod']);
const { dependencies } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const EXTERNAL_PACKAGES = Object.keys(dependencies).filter((name) => !BUNDLED_PACKAGES.has(name));

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

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  outdir: 'dist/electron',
};

await Promise.all([
  build({
    ...common,
    format: 'esm',
    // zod is bundled: as a package it is ~100 ES modules, and resolving and linking them cost a CLI
    // command more than the code itself. Every other package stays external.
    external: EXTERNAL_PACKAGES,
    plugins: [zodEnglishOnly],
    // A module loaded with import() is a chunk of its own, and so are the packages only it imports:
    // a CLI command loads the code it runs, not the whole core (csv-parse, csv-stringify, ...).
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    entryPoints: {
      cli: 'electron/cli/main.ts',
      'browser-server': 'electron/browser/main.ts',
      main: 'electron/main.ts',
    },
  }),
  build({
    ...common,
    format: 'cjs',
    external: ['electron'],
    minify: true,
    entryPoints: { preload: 'electron/preload.ts' },
    outExtension: { '.js': '.cjs' },
  }),
]);
