import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../shared/config';
import { identifyFootage, isVideoFile } from '../../shared/footage-path';

const settings = defaultConfig.footage;
const zone = 'Europe/Amsterdam';
const MTIME = Date.parse('2026-11-20T12:00:00Z');

describe('footage files', () => {
  it.each([
    ['Frigate layout, in UTC', '2026-11-24/10/front_door/15.30.mp4', 'front_door', '2026-11-24T10:15:30Z'],
    ['camera folder and name stamp, local time', 'cam1/cam1_20261124_101500.mp4', 'cam1', '2026-11-24T09:15:00Z'],
    ['ISO-like stamp under a camera folder', 'lobby/20261124T101500.mkv', 'lobby', '2026-11-24T09:15:00Z'],
    ['channel prefix, no folder', 'ch01_20261124101500.mp4', 'ch01', '2026-11-24T09:15:00Z'],
    ['summer time', 'gate/gate_20260701_101500.mp4', 'gate', '2026-07-01T08:15:00Z'],
    [
      'deeper folders: the first is the camera',
      'garage/2026/11/24/rec_20261124_101500.dav',
      'garage',
      '2026-11-24T09:15:00Z',
    ],
  ])('%s: %s', (_why, relativePath, camera, recorded) => {
    expect(identifyFootage(relativePath, MTIME, settings, zone)).toEqual({
      camera,
      recordedAt: Date.parse(recorded),
      timeSource: 'path',
      layout: expect.any(String),
    });
  });

  it.each([
    ['no stamp', 'lobby/recording.mp4', 'lobby'],
    ['an impossible date', 'lobby/lobby_20261341_101500.mp4', 'lobby'],
    ['no folder and no stamp', 'clip.mp4', 'unknown'],
  ])('falls back to the mtime for %s, and says so', (_why, relativePath, camera) => {
    expect(identifyFootage(relativePath, MTIME, settings, zone)).toEqual({
      camera,
      recordedAt: MTIME,
      timeSource: 'mtime',
      layout: null,
    });
  });

  it('uses configured patterns first', () => {
    const custom = {
      ...settings,
      patterns: [
        {
          regex: '^(?<camera>\\w+)-(?<year>\\d{4})(?<month>\\d\\d)(?<day>\\d\\d)\\.avi$',
          zone: 'utc' as const,
          camera: 'group' as const,
        },
      ],
    };
    expect(identifyFootage('yard-20261124.avi', MTIME, custom, zone)).toEqual({
      camera: 'yard',
      recordedAt: Date.parse('2026-11-24T00:00:00Z'),
      timeSource: 'path',
      layout: 'pattern 1',
    });
  });

  it('takes no date whose fields overflow, even after a real date of the same hour was seen', () => {
    const loose = {
      ...settings,
      patterns: [
        {
          regex: '^(?<year>\\d{4})-(?<month>\\d+)-(?<day>\\d+)-(?<hour>\\d+)\\.mp4$',
          zone: 'local' as const,
          camera: 'firstFolder' as const,
        },
      ],
    };
    // Day 101 of November would read as 1 December if the fields could carry into each other.
    expect(identifyFootage('2026-12-1-10.mp4', MTIME, loose, zone).timeSource).toBe('path');
    for (const overflowing of ['2026-11-101-10.mp4', '2026-11-1-24.mp4', '2026-13-1-10.mp4', '2026-0-1-10.mp4']) {
      expect(identifyFootage(overflowing, MTIME, loose, zone)).toEqual({
        camera: 'unknown',
        recordedAt: MTIME,
        timeSource: 'mtime',
        layout: null,
      });
    }
  });

  it.each([
    ['a.mp4', true],
    ['a/b/c.MKV', true],
    ['x.dav', true],
    ['x.h265', true],
    ['notes.txt', false],
    ['mp4', false],
    ['folder.mp4/readme', false],
    ['.kiosk-footage-root', false],
  ])('%s is a video file: %s', (relativePath, expected) => {
    expect(isVideoFile(relativePath, settings.extensions)).toBe(expected);
  });
});
