import path from 'node:path';
import {
  PRIVACY_PURPOSES,
  type PrivacyExpectedVisit,
  type PrivacyPurpose,
  type PrivacyVisit,
} from '../../shared/api/privacy';
import { translate } from '../../shared/messages';
import { printable } from '../../shared/printable';
import type { Result } from '../../shared/result';
import { formatIsoDateTime, formatTime } from '../../shared/date-format';
import { command, integerOption, OPERATOR, requiredInteger } from './command';
import { formatApiError } from './format';
import { throughDateOption } from './time-options';
import { UsageError } from './usage-error';

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const { error } = result;
  // A message with a visit's number in it ("visit 12 is under a legal hold") keeps the number.
  if (error.params && !error.fields) throw new UsageError(translate(error.key, 'en', error.params));
  throw new UsageError(formatApiError(error));
}

function idsOption(value: string, name = 'ids'): number[] {
  const ids = value.split(',').map((part) => part.trim());
  if (ids.some((id) => !/^\d+$/.test(id) || Number(id) === 0))
    throw new UsageError(`--${name} must be visit numbers separated by commas, such as 12,13, not "${value}"`);
  return ids.map(Number);
}

/** --ids for an erasure: `visit:12,expected:3`; a plain number is a visit. */
function erasureIdsOption(value: string): { visitIds: number[]; expectedIds: number[] } {
  const visitIds: number[] = [];
  const expectedIds: number[] = [];
  for (const part of value.split(',').map((item) => item.trim())) {
    const match = /^(?:(visit|expected):)?(\d+)$/.exec(part);
    if (!match || Number(match[2]) === 0)
      throw new UsageError(
        `--ids must be visit numbers or visit:N and expected:N separated by commas, such as 12,expected:3, not "${value}"`,
      );
    (match[1] === 'expected' ? expectedIds : visitIds).push(Number(match[2]));
  }
  return { visitIds, expectedIds };
}

const PURPOSES = PRIVACY_PURPOSES.map((purpose) => purpose.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`));

/** --purpose as in the UI's list; access-request and accessRequest both work. */
function purposeOption(value: string): PrivacyPurpose {
  const camel = value.replace(/-(\w)/g, (_dash, letter: string) => letter.toUpperCase());
  if (!(PRIVACY_PURPOSES as readonly string[]).includes(camel))
    throw new UsageError(`--purpose must be one of ${PURPOSES.join(', ')}`);
  return camel as PrivacyPurpose;
}

function formatVisits(visits: PrivacyVisit[], zone: string): string {
  if (visits.length === 0) return 'No visits found.';
  return visits
    .map((visit) =>
      [
        String(visit.id).padStart(6),
        formatIsoDateTime(visit.signedInAt, zone),
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

/** Expected visits (invitations) a search found, by the id `visits erase --ids` takes. */
function formatExpectedVisits(expected: PrivacyExpectedVisit[]): string {
  return expected
    .map((hit) =>
      [
        `expected:${hit.id}`.padStart(6),
        `${hit.visitDate} (expected)`.padEnd(16),
        `${hit.firstName} ${hit.lastName}`.padEnd(32),
        (hit.company ?? '').padEnd(24),
        (hit.plate ?? '').padEnd(12),
        hit.hostName ? `host ${hit.hostName}` : '',
      ]
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const HOST_MAIL_NOTE =
  'A mail already sent to a host about the visit is outside the kiosk: ask the host to delete it if the request covers it.';

const PURPOSE = {
  purpose: {
    type: 'string',
    required: true,
    value: 'P',
    help: 'why the data is looked up (kept in the audit log)',
    hint: `one of ${PURPOSES.join(', ')}`,
  },
} as const;
const IDS = {
  ids: {
    type: 'string',
    required: true,
    value: '1,2',
    help: 'visit numbers (visits search); visits erase also takes expected:N',
    hint: 'such as --ids 12,13',
  },
} as const;

/** The copies written for people and the police, each with its expiry. */
const exportCommands = [
  command({
    name: 'exports list',
    summary: 'the copies in the export folder and when each goes',
    usage: ['[--all]'],
    notes: ['--all also lists the exports already deleted (why: expired or erased).'],
    options: { all: { type: 'boolean', help: 'include deleted exports' } },
    run: async ({ kiosk, values, print }) => {
      const exports = unwrap(
        await kiosk.router.invoke('privacy.listExports', { includeDeleted: values.all }, OPERATOR),
      );
      const zone = kiosk.config.timeZone;
      print(exports, () =>
        exports.length === 0
          ? 'No exports.'
          : exports
              .map((record) =>
                [
                  String(record.id).padStart(5),
                  record.kind.padEnd(7),
                  record.purpose.padEnd(20),
                  formatIsoDateTime(record.createdAt, zone),
                  record.exportedBy.padEnd(12),
                  `${record.fileCount} file(s)`.padEnd(11),
                  record.deletedAt !== null
                    ? `deleted ${formatIsoDateTime(record.deletedAt, zone)} (${record.deletedWhy})`
                    : record.heldByActiveHold
                      ? `kept while holds ${record.holdIds.join(',')} last`
                      : `deleted after ${formatIsoDateTime(record.expiresAt, zone)}`,
                  record.paths.map((entry) => printable(entry)).join(', '),
                ].join('  '),
              )
              .join('\n'),
      );
    },
  }),
];

/** Data-subject requests (README: Privacy requests). */
export const privacyCommands = [
  command({
    name: 'visits search',
    summary: "find a person's visits (all days, held too)",
    usage: ['--query Q [--from DATE] [--to DATE] --purpose P'],
    notes: [`P is one of ${PURPOSES.join(', ')}.`],
    options: {
      query: { type: 'string', value: 'Q', help: 'words of the name, company or plate' },
      from: { type: 'string', value: 'DATE', help: 'signed in on DATE or later' },
      to: { type: 'string', value: 'DATE', help: 'signed in on DATE or earlier' },
      ...PURPOSE,
    },
    run: async ({ kiosk, values, print }) => {
      const input = {
        query: values.query ?? '',
        from: values.from,
        to: values.to,
        purpose: purposeOption(values.purpose),
      };
      const result = unwrap(await kiosk.router.invoke('privacy.searchVisits', input, OPERATOR));
      print(result, () => {
        const list = [formatVisits(result.visits, result.timeZone), formatExpectedVisits(result.expected)]
          .filter((part) => part !== '')
          .join('\n');
        return result.truncated ? `${list}\n(more visits matched; narrow the search or the dates)` : list;
      });
    },
  }),

  command({
    name: 'visits export',
    summary: 'a copy for the person, into the export folder',
    usage: ['--ids 1,2 --language nl|en [--out FILE] --purpose P'],
    notes: [
      `P is one of ${PURPOSES.join(', ')}.`,
      'Without --out: a new folder in the export folder (privacy.exportFolder). --out must lie inside it.',
      'The copy is deleted privacy.exportDays after it was made (kiosk exports list).',
    ],
    options: {
      ...IDS,
      language: { type: 'string', required: true, value: 'nl|en', help: "the copy's language" },
      out: {
        type: 'string',
        value: 'FILE',
        help: 'the page, inside the export folder; the JSON beside it',
      },
      ...PURPOSE,
    },
    run: async ({ kiosk, values, print }) => {
      const language = values.language as 'nl' | 'en';
      if (language !== 'nl' && language !== 'en') throw new UsageError('--language must be nl or en');
      const input = {
        ...erasureIdsOption(values.ids),
        language,
        purpose: purposeOption(values.purpose),
        out: values.out === undefined ? undefined : path.resolve(values.out),
      };
      const copy = unwrap(await kiosk.router.invoke('privacy.exportVisits', input, OPERATOR));
      const { htmlFile, jsonFile, exportId, expiresAt } = copy;
      print(
        { count: copy.count, expectedCount: copy.expectedCount, htmlFile, jsonFile, exportId, expiresAt },
        () =>
          `Wrote ${copy.count} visit(s) and ${copy.expectedCount} expected visit(s) to ${htmlFile} and ${jsonFile} (export ${exportId}, ` +
          `deleted after ${formatIsoDateTime(expiresAt, kiosk.config.timeZone)}).`,
      );
    },
  }),

  command({
    name: 'visits correct',
    summary: 'correct a visit',
    usage: ['--id N [--first F] [--last L] [--company C] [--plate P]'],
    options: {
      id: { type: 'string', required: true, value: 'N', help: "the visit's number" },
      first: { type: 'string', value: 'F', help: 'the right first name' },
      last: { type: 'string', value: 'L', help: 'the right last name' },
      company: { type: 'string', value: 'C', help: 'the right company' },
      plate: { type: 'string', value: 'P', help: 'the right licence plate' },
    },
    run: async ({ kiosk, values, print }) => {
      const input = {
        visitId: requiredInteger(values.id, 'id'),
        firstName: values.first,
        lastName: values.last,
        company: values.company,
        plate: values.plate,
      };
      const visit = unwrap(await kiosk.router.invoke('privacy.correctVisit', input, OPERATOR));
      print(visit, () => `Visit ${visit.id} corrected.`);
    },
  }),

  command({
    name: 'visits erase',
    summary: 'erase visits now (not while held)',
    usage: ['--ids visit:1,expected:2 --reason R'],
    notes: ['--ids takes the kind and id of each hit of visits search; a plain number is a visit.'],
    options: { ...IDS, reason: { type: 'string', value: 'R', help: 'the request it answers' } },
    run: async ({ kiosk, values, print }) => {
      const input = { ...erasureIdsOption(values.ids ?? ''), reason: values.reason ?? '' };
      const result = unwrap(await kiosk.router.invoke('privacy.eraseVisits', input, OPERATOR));
      print(result, () =>
        [
          `Erased ${result.erased} visit(s) and ${result.erasedExpected} expected visit(s), with the person's exports.`,
          HOST_MAIL_NOTE,
        ].join('\n'),
      );
    },
  }),

  command({
    name: 'visits restrict',
    summary: 'restrict the processing of visits',
    usage: ['--ids 1,2 --reason R'],
    options: { ...IDS, reason: { type: 'string', value: 'R', help: 'the request it answers' } },
    run: async ({ kiosk, values, print }) => {
      const input = { visitIds: idsOption(values.ids), reason: values.reason ?? '' };
      const result = unwrap(await kiosk.router.invoke('privacy.restrictVisits', input, OPERATOR));
      print(result, () => `Restricted ${result.changed} visit(s).`);
    },
  }),

  command({
    name: 'visits unrestrict',
    summary: 'lift the restriction',
    usage: ['--ids 1,2 [--reason R]'],
    options: { ...IDS, reason: { type: 'string', value: 'R', help: 'why it is lifted' } },
    run: async ({ kiosk, values, print }) => {
      const input = { visitIds: idsOption(values.ids), reason: values.reason };
      const result = unwrap(await kiosk.router.invoke('privacy.unrestrictVisits', input, OPERATOR));
      print(result, () => `Lifted the restriction on ${result.changed} visit(s).`);
    },
  }),

  command({
    name: 'footage export',
    summary: 'copy footage with a manifest, into the export folder',
    usage: [
      '--visit N --purpose P --reason R [--out DIR]',
      '--files F1,F2 --purpose police-request --basis B [--review DATE] --reason R [--out DIR]',
    ],
    notes: [
      `P is one of ${PURPOSES.join(', ')}. Only a police request holds the originals, with --basis`,
      'legalObligation or necessaryForActivities and a review date; its copy stays while they are held.',
      'Without --out: a new folder in the export folder (privacy.exportFolder). --out must lie inside it.',
      'The copy is deleted privacy.exportDays after it was made (kiosk exports list).',
    ],
    options: {
      visit: { type: 'string', value: 'N', help: "the footage of a visit's time on site" },
      files: { type: 'string', value: 'F1,F2', help: 'footage files, paths under the footage root' },
      out: { type: 'string', value: 'DIR', help: 'a new or empty folder inside the export folder' },
      reason: { type: 'string', value: 'R', help: 'the request it answers' },
      ...PURPOSE,
      basis: { type: 'string', value: 'B', help: "a police request: the ground of the originals' hold" },
      review: { type: 'string', value: 'DATE', help: "a police request: the hold's review date" },
    },
    check: (values) => {
      if ((values.files === undefined) === (values.visit === undefined))
        throw new UsageError('give either --visit N or --files F1,F2 (paths under the footage root)');
    },
    run: async ({ kiosk, values, print }) => {
      const visitId = integerOption(values.visit, 'visit');
      const input = {
        visitId,
        paths: values.files?.split(',').map((file) => file.trim()),
        reason: values.reason ?? '',
        purpose: purposeOption(values.purpose),
        basis: values.basis as 'legalObligation' | 'necessaryForActivities' | undefined,
        reviewAt: throughDateOption(values.review, 'review', kiosk.config.timeZone),
        outDir: values.out === undefined ? undefined : path.resolve(values.out),
      };
      const result = unwrap(await kiosk.router.invoke('privacy.exportFootage', input, OPERATOR));
      const { holdIds } = result.manifest;
      print(
        result,
        () =>
          `Exported ${result.manifest.files.length} file(s) to ${result.folder}; manifest ${result.manifestFile}; ` +
          (holdIds.length > 0
            ? `the originals are held (holds ${holdIds.join(', ')}); the copy stays while they are.`
            : `deleted after ${formatIsoDateTime(result.expiresAt, kiosk.config.timeZone)}; the originals are not held.`),
      );
    },
  }),
  ...exportCommands,
];
