#!/usr/bin/env node
// The `kiosk` command: the built CLI when there is one, otherwise the TypeScript source through tsx.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/electron/cli.js', import.meta.url);
if (fs.existsSync(fileURLToPath(built))) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../electron/cli/main.ts', import.meta.url).href);
}
