import { command, integerOption, OPERATOR, unwrap } from './command';
import { formatAudit } from './format';

export const auditCommands = [
  command({
    name: 'audit list',
    summary: 'the audit log, newest first',
    usage: ['[--action A] [--limit N]'],
    options: {
      action: { type: 'string', value: 'A', help: 'only actions starting with A, such as staff' },
      limit: { type: 'string', value: 'N', help: 'at most N entries' },
    },
    run: async ({ kiosk, values, print }) => {
      const input = { action: values.action, limit: integerOption(values.limit, 'limit') };
      const entries = unwrap(await kiosk.router.invoke('audit.list', input, OPERATOR));
      print(entries, () => formatAudit(entries, kiosk.config.timeZone));
    },
  }),
];
