#!/usr/bin/env node
// The `kiosk` command, the same as `npm run cli`: the bundled CLI, rebuilt first when a source is newer.
await import('../scripts/cli.mjs');
