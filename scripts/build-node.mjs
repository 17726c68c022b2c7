// Bundles the Node side (Electron main, preload, browser-mode server, CLI) into dist/electron.
// npm packages stay external: the packaged app ships its production dependencies as they are.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

await build({
  ...common,
  format: 'esm',
  entryPoints: { cli: 'electron/cli/main.ts' },
  outdir: 'dist/electron',
});
