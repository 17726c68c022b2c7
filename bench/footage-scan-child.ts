// The first footage scan in a process of its own, so the benchmark can read its peak memory.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../shared/config';
import { fixedClock } from '../electron/core/clock';
import { openDatabase } from '../electron/core/database';
import { scanFootage } from '../electron/core/footage/scanner';

const [work, root, now] = process.argv.slice(2) as [string, string, string];
const database = await openDatabase(path.join(work, 'kiosk.sqlite3'));
const start = performance.now();
const counts = await scanFootage({ database, root, config: defaultConfig, clock: fixedClock(Number(now)) });
const ms = performance.now() - start;
await database.close();
console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, added: counts.added }));
