import type { ChannelName } from '../../../shared/api/contract';

/** The channels the alarm banner has a control for, next to the alarm that names it. */
export const BANNER_CHANNELS = ['footage.purge', 'health.acknowledgeOffline'] as const satisfies ChannelName[];
