import { systemClock } from '../../electron/core/clock';

/**
 * File-system timestamps follow the real clock, whatever the kiosk's clock says: for mtimes only
 * (a folder "written an hour ago", files "settled a day later"), never for what a test expects.
 */
export const realNow = (): number => systemClock.now();

export const anHourAgo = (): Date => new Date(realNow() - 3_600_000);
