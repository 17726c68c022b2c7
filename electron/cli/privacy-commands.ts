import fs from 'node:fs';
import path from 'node:path';
import { PRIVACY_PURPOSES, type PrivacyPurpose, type PrivacyVisit } from '../../shared/api/privacy';
import { translate } from '../../shared/messages';
import type { Result } from '../../shared/result';
import { formatDateTime, formatTime } from '../../shared/date-format';
import type { Kiosk } from '../core/kiosk';
import type { Caller } from '../core/router';
import { formatApiError } from './format';
import { UsageError } from './usage-error';

/** The options the privacy commands add to the CLI's. */
export const PRIVACY_OPTIONS = {
  query: { type: 'string' },
  purpose: { type: 'string' },
  ids: { type: 'string' },
  language: { type: 'string' },
  out: { type: 'string' },
  files: { type: 'string' },
} as const;

interface PrivacyContext {
  kiosk: Kiosk;
  values: Record<string, string | boolean | undefined>;
  print: (value: unknown, asText: () => string) => void;
}

const OPERATOR: Caller = { kind: 'operator' };

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const { error } = result;
  // A message with a visit's number in it ("visit 12 is under a legal hold") keeps the number.
  if (error.params && !error.fields) throw new UsageError(translate(error.key, 'en', error.params));
  throw new UsageError(formatApiError(error));
}

const text = (values: PrivacyContext['values'], name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

function idsOption(values: PrivacyContext['values'], name = 'ids'): number[] {
  const value = text(values, name);
  if (value === undefined) throw new UsageError(`--${name} is required, such as --${name} 12,13`);
  const ids = value.split(',').map((part) => part.trim());
  if (ids.some((id) => !/^\d+$/.test(id) || Number(id) === 0))
    throw new UsageError(`--${name} must be visit numbers separated by commas, such as 12,13, not "${value}"`);
  return ids.map(Number);
}

/** --purpose as in the UI's list; access-request and accessRequest both work. */
function purposeOption(values: PrivacyContext['values']): PrivacyPurpose {
  const value = text(values, 'purpose');
  const camel = value?.replace(/-(\w)/g, (_dash, letter: string) => letter.toUpperCase());
  const kebab = PRIVACY_PURPOSES.map((purpose) => purpose.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`));
  if (!camel || !(PRIVACY_PURPOSES as readonly string[]).includes(camel))
    throw new UsageError(`--purpose is required: one of ${kebab.join(', ')}`);
  return camel as PrivacyPurpose;
}

function visitIdOption(values: PrivacyContext['values'], name: string): number | undefined {
  const value = text(values, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
}

function formatVisits(visits: PrivacyVisit[], zone: string): string {
  if (visits.length === 0) return 'No visits found.';
  return visits
    .map((visit) =>
      [
        String(visit.id).padStart(6),
        formatDateTime(visit.signedInAt, zone, 'en'),
        (visit.signedOutAt === null ? 'on site' : formatTime(visit.signedOutAt, zone)).padEnd(7),
        `${visit.firstName} ${visit.lastName}`.padEnd(32),
        (visit.company ?? '').padEnd(24),
        (visit.plate ?? '').padEnd(12),
        [visit.held ? 'held' : '', visit.restricted ? 'restricted' : ''].filter(Boolean).join(','),
      ]
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Writes a file the kiosk hands over and does not keep; refuses to overwrite one. */
function writeNew(file: string, content: string) {
  try {
    fs.writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${file} already exists; choose another --out`);
    if (code === 'ENOENT') throw new UsageError(`the folder of ${file} does not exist`);
    throw error;
  }
}

/** Data-subject requests (README: Privacy requests). */
export const PRIVACY_COMMANDS: Record<string, (context: PrivacyContext) => Promise<void>> = {
  'visits search': async ({ kiosk, values, print }) => {
    const input = {
      query: text(values, 'query') ?? '',
      from: text(values, 'from'),
      to: text(values, 'to'),
      purpose: purposeOption(values),
    };
    const result = unwrap(await kiosk.router.invoke('privacy.searchVisits', input, OPERATOR));
    print(result, () => {
      const list = formatVisits(result.visits, result.timeZone);
      return result.truncated ? `${list}\n(more visits matched; narrow the search or the dates)` : list;
    });
  },

  'visits export': async ({ kiosk, values, print }) => {
    const out = text(values, 'out');
    if (!out) throw new UsageError('--out FILE is required: the page is written there, the JSON beside it');
    const language = text(values, 'language');
    if (language !== 'nl' && language !== 'en') throw new UsageError('--language must be nl or en');
    const copy = unwrap(
      await kiosk.router.invoke(
        'privacy.exportVisits',
        { visitIds: idsOption(values), language, purpose: purposeOption(values) },
        OPERATOR,
      ),
    );
    const htmlFile = path.resolve(out);
    const jsonFile = htmlFile.replace(/(\.html?)?$/i, '.json');
    writeNew(htmlFile, copy.html);
    writeNew(jsonFile, copy.json);
    print(
      { count: copy.count, htmlFile, jsonFile },
      () => `Wrote ${copy.count} visit(s) to ${htmlFile} and ${jsonFile}.`,
    );
  },

  'visits correct': async ({ kiosk, values, print }) => {
    const input = {
      visitId: visitIdOption(values, 'id') ?? 0,
      firstName: text(values, 'first'),
      lastName: text(values, 'last'),
      company: text(values, 'company'),
      plate: text(values, 'plate'),
    };
    const visit = unwrap(await kiosk.router.invoke('privacy.correctVisit', input, OPERATOR));
    print(visit, () => `Visit ${visit.id} corrected.`);
  },

  'visits erase': async ({ kiosk, values, print }) => {
    const input = { visitIds: idsOption(values), reason: text(values, 'reason') ?? '' };
    const result = unwrap(await kiosk.router.invoke('privacy.eraseVisits', input, OPERATOR));
    print(result, () => `Erased ${result.erased} visit(s).`);
  },

  'visits restrict': async ({ kiosk, values, print }) => {
    const input = { visitIds: idsOption(values), reason: text(values, 'reason') ?? '' };
    const result = unwrap(await kiosk.router.invoke('privacy.restrictVisits', input, OPERATOR));
    print(result, () => `Restricted ${result.changed} visit(s).`);
  },

  'visits unrestrict': async ({ kiosk, values, print }) => {
    const input = { visitIds: idsOption(values), reason: text(values, 'reason') };
    const result = unwrap(await kiosk.router.invoke('privacy.unrestrictVisits', input, OPERATOR));
    print(result, () => `Lifted the restriction on ${result.changed} visit(s).`);
  },

  'footage export': async ({ kiosk, values, print }) => {
    const out = text(values, 'out');
    if (!out) throw new UsageError('--out DIR is required: a new or empty folder');
    const files = text(values, 'files');
    const visitId = visitIdOption(values, 'visit');
    if ((files === undefined) === (visitId === undefined))
      throw new UsageError('give either --visit N or --files F1,F2 (paths under the footage root)');
    const input = {
      visitId,
      paths: files?.split(',').map((file) => file.trim()),
      reason: text(values, 'reason') ?? '',
      outDir: path.resolve(out),
    };
    const result = unwrap(await kiosk.router.invoke('privacy.exportFootage', input, OPERATOR));
    print(
      result,
      () =>
        `Exported ${result.manifest.files.length} file(s) to ${result.folder}; manifest ${result.manifestFile}; ` +
        `the originals are held (holds ${result.manifest.holdIds.join(', ')}).`,
    );
  },
};
