import { formatIsoDateTime } from '../../shared/date-format';
import { printable } from '../../shared/printable';
import { command, OPERATOR, unwrap } from './command';

/** The copies written for people and the police, each with its expiry (README: Privacy requests). */
export const exportCommands = [
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
