import type { Handlers } from '../router';
import type { AuditLog } from './audit-log';

export function createAuditHandlers({ audit }: { audit: AuditLog }): Pick<Handlers, 'audit.list'> {
  return { 'audit.list': (input) => audit.list(input) };
}
