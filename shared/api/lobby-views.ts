import type { StaffViewName } from '../staff-views';
import { api } from './contract';

/**
 * May a lobby screen whose open views are `views` call this channel? Public channels always; a staff
 * channel when its declared view (shared/api/<capability>.ts) is open, or it serves every view.
 */
export function lobbyAllows(channel: string, views: readonly StaffViewName[]): boolean {
  if (!Object.hasOwn(api, channel)) return true; // the router answers "unknown channel"
  const declared = api[channel as keyof typeof api];
  if (declared.access === 'public') return true;
  return declared.view === 'every' || (declared.view !== undefined && views.includes(declared.view));
}
