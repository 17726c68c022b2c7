// Bundles the Node side into dist/electron: Electron main and preload, browser-mode server, CLI.
// npm packages stay external but zod (scripts/node-bundle-options.mjs), except in the preload: a
// sandboxed preload can require nothing but 'electron', so it is one self-contained file.
import { build } from 'esbuild';
import { cliBundleOptions, esmBundleOptions } from './node-bundle-options.mjs';

const outdir = 'dist/electron';

await Promise.all([
  build({ ...cliBundleOptions, outdir }),
  build({
    ...esmBundleOptions,
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    entryPoints: { 'browser-server': 'electron/browser/main.ts', main: 'electron/main.ts' },
  }),
  build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    outdir,
    format: 'cjs',
    external: ['electron'],
    minify: true,
    entryPoints: { preload: 'electron/preload.ts' },
    outExtension: { '.js': '.cjs' },
  }),
]);
