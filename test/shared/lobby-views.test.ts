import { describe, expect, it } from 'vitest';
import { api, channelNames } from '../../shared/api/contract';
import { lobbyAllows, mappedChannels } from '../../shared/api/lobby-views';
import { defaultConfig } from '../../shared/config';

describe('the lobby views', () => {
  it('place every staff channel in exactly one view (or every view), so a new channel is a decision', () => {
    const staffChannels = channelNames.filter((name) => api[name].access !== 'public');
    expect([...mappedChannels()].sort()).toEqual([...staffChannels].sort());
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
