import { describe, expect, it } from 'vitest';
import { api, channelNames } from '../../shared/api/contract';
import { lobbyAllows } from '../../shared/api/lobby-views';
import { STAFF_VIEWS } from '../../shared/staff-views';
import { defaultConfig } from '../../shared/config';

describe('the lobby views', () => {
  it('place every staff channel in one view (or every view), so a new channel is a decision', () => {
    const staffChannels = channelNames.filter((name) => api[name].access !== 'public');
    const views: readonly string[] = [...STAFF_VIEWS, 'every'];
    const unplaced = staffChannels.filter((name) => !views.includes(String(api[name].view)));
    expect(unplaced).toEqual([]);
    expect(channelNames.filter((name) => api[name].access === 'public' && api[name].view !== undefined)).toEqual([]);
    // Only the health banner serves every view.
    expect(staffChannels.filter((name) => api[name].view === 'every').sort()).toEqual([
      'health.acknowledgeOffline',
      'health.current',
    ]);
  });

  it('open by default only reception’s Today and the evacuation list in the lobby', () => {
    expect(defaultConfig.lobby.staffViews).toEqual(['today', 'evacuation']);
    const views = defaultConfig.lobby.staffViews;
    for (const closed of [
      'footage.list',
      'footage.playback',
      'privacy.searchVisits',
      'staff.list',
      'staff.add',
      'audit.list',
      'devices.list',
      'holds.list',
      'visits.register',
    ])
      expect(lobbyAllows(closed, views), closed).toBe(false);
    for (const open of [
      'visits.today',
      'visits.evacuation',
      'evacuation.rollCallEnd',
      'health.current',
      'staff.unlock',
    ])
      expect(lobbyAllows(open, views), open).toBe(true);
  });

  it('open what an admin adds', () => {
    expect(lobbyAllows('footage.list', ['footage'])).toBe(true);
  });
});
