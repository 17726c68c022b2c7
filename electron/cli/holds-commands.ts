import type { HoldBasis } from '../../shared/api/types';
import { printable } from '../../shared/printable';
import { command, integerOption, OPERATOR, requiredInteger, unwrap } from './command';
import { formatHolds, throughDay } from './format';
import { throughDateOption, timeOption } from './time-options';
import { UsageError } from './usage-error';

const HOLD_ID = { id: { type: 'string', required: true, value: 'N', help: "the hold's number (holds list)" } } as const;

/** Legal holds on visits and footage. */
export const holdsCommands = [
  command({
    name: 'holds add',
    summary: 'keep a visit or footage past its deadline',
    usage: [
      '--visit N --reason R --basis B [--until DATE] [--review DATE]',
      '--file PATH --reason R --basis B [--until DATE] [--review DATE]',
      '--camera C --from T --to T --reason R --basis B [--until DATE] [--review DATE]',
    ],
    notes: [
      'B is legalObligation or necessaryForActivities; --until through that date;',
      'review by DATE (default: holds.reviewDays ahead).',
    ],
    options: {
      visit: { type: 'string', value: 'N', help: "the visit's number" },
      file: { type: 'string', value: 'PATH', help: 'a footage file, its path under the footage root' },
      camera: { type: 'string', value: 'C', help: 'a camera, with --from and --to' },
      from: { type: 'string', value: 'T', help: "the camera's footage from T" },
      to: { type: 'string', value: 'T', help: 'to T' },
      reason: { type: 'string', value: 'R', help: 'why, such as the police request' },
      basis: { type: 'string', value: 'B', help: 'legalObligation or necessaryForActivities' },
      until: { type: 'string', value: 'DATE', help: 'the hold ends after DATE (default: until released)' },
      review: { type: 'string', value: 'DATE', help: 'look at it again by DATE' },
    },
    check: (values) => {
      if (values.visit === undefined && values.file === undefined && values.camera === undefined)
        throw new UsageError('"holds add" needs --visit N, --file PATH or --camera C; see kiosk holds add --help');
    },
    run: async ({ kiosk, values, print }) => {
      const zone = kiosk.config.timeZone;
      const terms = {
        reason: values.reason ?? '',
        endsAt: throughDateOption(values.until, 'until', zone),
        basis: (values.basis ?? '') as HoldBasis, // checked by the channel's schema
        reviewAt: throughDateOption(values.review, 'review', zone),
      };
      if (values.file !== undefined || values.camera !== undefined) {
        const input = {
          path: values.file,
          camera: values.camera,
          from: timeOption(values.from, 'from', zone),
          to: timeOption(values.to, 'to', zone),
          ...terms,
        };
        const hold = unwrap(await kiosk.router.invoke('holds.placeOnFootage', input, OPERATOR));
        const what = values.file
          ? `footage file ${printable(values.file)}`
          : `camera ${printable(values.camera ?? '')}`;
        print(hold, () => `Legal hold ${hold.id} placed on ${what}.`);
        return;
      }
      const visitId = integerOption(values.visit, 'visit')!;
      const hold = unwrap(await kiosk.router.invoke('holds.placeOnVisit', { visitId, ...terms }, OPERATOR));
      print(hold, () => `Legal hold ${hold.id} placed on visit ${hold.visitId}.`);
    },
  }),

  command({
    name: 'holds extend-review',
    summary: "looked at again: move a hold's review date",
    usage: ['--id N --review DATE'],
    options: {
      ...HOLD_ID,
      review: { type: 'string', required: true, value: 'DATE', help: 'the new review date' },
    },
    run: async ({ kiosk, values, print }) => {
      const input = {
        holdId: requiredInteger(values.id, 'id'),
        reviewAt: throughDateOption(values.review, 'review', kiosk.config.timeZone)!,
      };
      const hold = unwrap(await kiosk.router.invoke('holds.extendReview', input, OPERATOR));
      print(hold, () => `Legal hold ${hold.id}: review by ${throughDay(hold.reviewAt, kiosk.config.timeZone)}.`);
    },
  }),

  command({
    name: 'holds release',
    summary: 'release a legal hold',
    usage: ['--id N'],
    options: HOLD_ID,
    run: async ({ kiosk, values, print }) => {
      const input = { holdId: requiredInteger(values.id, 'id') };
      const hold = unwrap(await kiosk.router.invoke('holds.release', input, OPERATOR));
      print(hold, () => `Legal hold ${hold.id} released.`);
    },
  }),

  command({
    name: 'holds list',
    summary: 'the active legal holds',
    usage: [''],
    options: {},
    run: async ({ kiosk, print }) => {
      const holds = unwrap(await kiosk.router.invoke('holds.list', {}, OPERATOR));
      print(holds, () => formatHolds(holds, kiosk.config.timeZone));
    },
  }),
];
