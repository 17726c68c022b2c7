#!/usr/bin/env node
// `npm run cli`: the bundled CLI (dist/electron/cli.js), rebuilt first when it is missing or older than
// any source under electron/ or shared/. Running the bundle takes about half a second; running the
// TypeScript through tsx (`npm run cli:dev`) takes seconds, because tsx compiles every import first.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'electron', 'cli.js');
const SOURCES = ['electron', 'shared'];

/** The newest modification time of any file under the folders (a stat per file, no reads). */
function newestSource(folders) {
  let newest = 0;
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  // Where the sources are not shipped, the bundle is all there is.
  for (const folder of folders) if (fs.existsSync(path.join(root, folder))) walk(path.join(root, folder));
  return newest;
}

function bundleTime() {
  try {
    return fs.statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * Bundles the CLI as scripts/build-node.mjs does, into a private folder first and then renamed into
 * place, so that a second `kiosk` started meanwhile never imports a half-written file.
 */
async function buildBundle() {
  const { build } = await import('esbuild');
  const { cliBundleOptions } = await import('./node-bundle-options.mjs');
  const staging = fs.mkdtempSync(path.join(root, 'dist', '.cli-build-'));
  try {
    await build({ ...cliBundleOptions, outdir: staging });
    fs.mkdirSync(path.dirname(bundle), { recursive: true });
    // The chunks first (their names carry a hash of their contents): cli.js, last, is what runs.
    const chunks = path.join(path.dirname(bundle), 'chunks');
    const builtChunks = path.join(staging, 'chunks');
    if (fs.existsSync(builtChunks)) {
      fs.mkdirSync(chunks, { recursive: true });
      for (const name of fs.readdirSync(builtChunks))
        fs.renameSync(path.join(builtChunks, name), path.join(chunks, name));
    }
    fs.renameSync(path.join(staging, 'cli.js.map'), `${bundle}.map`);
    fs.renameSync(path.join(staging, 'cli.js'), bundle);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (bundleTime() < newestSource(SOURCES)) {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  // Only at a terminal: scripts and tests read stderr as the command's own.
  if (process.stderr.isTTY) process.stderr.write('kiosk: building the command line (sources changed)...\n');
  await buildBundle();
}
await import(pathToFileURL(bundle).href);
