import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '..') });

async function boundaryErrors(file: string, source: string) {
  const [result] = await eslint.lintText(source, { filePath: file });
  return result!.messages.filter((message) => message.ruleId?.startsWith('no-restricted-')).length;
}

describe('import boundaries are lint errors', () => {
  it.each([
    ['shared/x.ts', "import fs from 'node:fs';"],
    ['shared/x.ts', "import sqlite3 from 'sqlite3';"],
    ['shared/x.ts', "import zlib from 'zlib';"],
    ['shared/x.ts', "import { EventEmitter } from 'events';"],
    ['shared/x.ts', 'const home = process.env.HOME;'],
    ['renderer/x.tsx', "import readline from 'readline';"],
    ['renderer/x.tsx', "const bytes = Buffer.from('x');"],
    ['shared/x.ts', "import { app } from 'electron';"],
    ['shared/x.ts', "import { createKiosk } from '../electron/core/kiosk';"],
    ['shared/api/x.ts', "import { App } from '../../renderer/app';"],
    ['renderer/x.tsx', "import path from 'path';"],
    ['renderer/x.tsx', "import { ipcRenderer } from 'electron';"],
    ['renderer/x.tsx', "import { openDatabase } from '../electron/core/database';"],
    ['electron/core/x.ts', "import { app } from 'electron';"],
    ['electron/core/x.ts', "import { ipcMain } from 'electron/main';"],
    ['electron/core/x.ts', "import { resolveInside } from '../shell/guards';"],
    ['electron/core/footage/x.ts', "import { resolveInside } from '../../shell/guards';"],
    ['electron/core/x.ts', "import { startBrowserServer } from '../browser/server';"],
    ['electron/core/retention/x.ts', "import { openInAppMode } from '../../browser/open-chromium';"],
    ['electron/core/x.ts', "import { runCli } from '../cli/run';"],
    ['electron/core/x.ts', "import '../main';"],
    ['electron/core/footage/x.ts', "import '../../main';"],
    ['electron/core/x.ts', "import { translateTab } from '../../renderer/i18n';"],
    ['electron/core/visits/x.ts', "import { App } from '../../../renderer/app';"],
    ...['nodemailer', 'csv-parse/sync', 'csv-stringify/sync', 'qrcode', 'selfsigned', 'ws', 'node-cron'].flatMap(
      (name) => [
        ['shared/x.ts', `import x from '${name}';`],
        ['renderer/x.tsx', `import x from '${name}';`],
      ],
    ),
    ['electron/core/x.ts', "import '../preload';"],
  ])('%s may not: %s', async (file, source) => {
    expect(await boundaryErrors(file, `${source}\nexport {};\n`)).toBeGreaterThan(0);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';"],
    ['renderer/x.tsx', "import { api } from '../shared/api/contract';"],
    ['electron/x.ts', "import fs from 'node:fs';"],
    ['electron/core/x.ts', "import sqlite3 from 'sqlite3';"],
    ['electron/core/x.ts', "import nodemailer from 'nodemailer';"],
    ['electron/core/x.ts', "import { parse } from 'csv-parse/sync';"],
    ['electron/core/x.ts', "import { openDatabase } from './database';"],
    ['electron/core/footage/x.ts', "import { createKiosk } from '../kiosk';"],
    ['electron/core/x.ts', "import { api } from '../../shared/api/contract';"],
    ['electron/shell/x.ts', "import { createKiosk } from '../core/kiosk';"],
  ])('%s may: %s', async (file, source) => {
    expect(await boundaryErrors(file, `${source}\nexport {};\n`)).toBe(0);
  });
});
