import { describe, expect, it } from 'vitest';
import { defaultConfig, kioskConfigSchema } from '../../shared/config';
import { cameraDisplayName, createFootageIdentifier, identifyFootage } from '../../shared/footage-path';
import { RECORDER_PRESETS } from '../../shared/recorder-presets';

const KIOSK_ZONE = 'Europe/Amsterdam';
const MTIME = Date.parse('2026-11-20T12:00:00Z');

interface Example {
  recorder: string;
  path: string;
  camera: string;
  /** ISO instant with its zone written out; null: no time in the path, the mtime stands in. */
  start: string | null;
  layout: string;
  recorderZone?: string;
}

// The real example paths of shared/reference/recorder-layouts.md ("built" where the reference built one
// from the documented format), and the zone each recorder stamps in.
const EXAMPLES: Example[] = [
  {
    recorder: 'frigate',
    path: '2026-05-11/14/front_door/00.00.mp4',
    camera: 'front_door',
    start: '2026-05-11T14:00:00Z',
    layout: 'frigate',
  },
  {
    recorder: 'frigate',
    path: 'recordings/2026-11-24/10/front_door/15.30.mp4',
    camera: 'front_door',
    start: '2026-11-24T10:15:30Z',
    layout: 'frigate',
  },
  // The older layout is container-local: UTC in a container without TZ.
  {
    recorder: 'frigate',
    path: '2021-03/05/14/back_yard/05.30.mp4',
    camera: 'back_yard',
    start: '2021-03-05T14:05:30Z',
    layout: 'frigate 0.8-0.11',
    recorderZone: 'UTC',
  },
  {
    recorder: 'frigate',
    path: '2021-03/05/14/back_yard/05.30.mp4',
    camera: 'back_yard',
    start: '2021-03-05T14:05:30+01:00',
    layout: 'frigate 0.8-0.11',
  },
  {
    recorder: 'frigate',
    path: 'exports/front_door_20250101_120000-20250101_121500_x7Kp2Q.mp4',
    camera: 'front_door',
    start: '2025-01-01T12:00:00+01:00',
    layout: 'frigate export',
  },
  {
    recorder: 'zoneminder',
    path: '1/21/07/20/14/13/31/3-video.mp4',
    camera: '1',
    start: '2021-07-20T14:13:31+02:00',
    layout: 'zoneminder deep',
  },
  // The day of the mtime below: a later day in the path would cap the mtime (a-path-that-carries-only-a-day).
  { recorder: 'zoneminder', path: '1/2026-11-20/3/3-video.mp4', camera: '1', start: null, layout: 'zoneminder medium' },
  { recorder: 'zoneminder', path: '2/7/7-video.h264.mp4', camera: '2', start: null, layout: 'zoneminder shallow' },
  {
    recorder: 'shinobi',
    path: 'YaAwVC1GPU/2a6n2o9b0i8t/2025-06-22T00-37-00.mp4',
    camera: '2a6n2o9b0i8t',
    start: '2025-06-22T00:37:00+02:00',
    layout: 'shinobi',
  },
  {
    recorder: 'motion',
    path: '1-42-20240315140530.mkv',
    camera: '1',
    start: '2024-03-15T14:05:30+01:00',
    layout: 'motion',
  },
  {
    recorder: 'motioneye',
    path: 'Camera1/2021-01-04/12-16-03.mp4',
    camera: 'Camera1',
    start: '2021-01-04T12:16:03+01:00',
    layout: 'motioneye',
  },
  // The folder and HHMMSS are the recorder's local time (UTC-6 here); the epoch proves the instant.
  {
    recorder: 'synology',
    path: 'Family Room/20170307AM/Family Room20170307-084321-1488897801.mp4',
    camera: 'Family Room',
    start: '2017-03-07T08:43:21-06:00',
    layout: 'synology',
    recorderZone: 'America/Chicago',
  },
  // ... and wins when the zone is not configured (read in Amsterdam the local fields would say 07:43 UTC).
  {
    recorder: 'synology',
    path: 'Family Room/20170307PM/Family Room20170307-134321-1488915801.mp4',
    camera: 'Family Room',
    start: '2017-03-07T19:43:21Z',
    layout: 'synology',
  },
  {
    recorder: 'synology',
    path: 'Cam 2/20170307AM/Cam 220170307-084321-1488897801.mp4',
    camera: 'Cam 2',
    start: '2017-03-07T14:43:21Z',
    layout: 'synology',
  },
  {
    recorder: 'synology',
    path: 'Family Room20170307-084321-1488897801.mp4',
    camera: 'Family Room',
    start: '2017-03-07T14:43:21Z',
    layout: 'synology (file name only)',
  },
  {
    recorder: 'blueiris',
    path: 'New/FrontDoor.20240315_140530.bvr',
    camera: 'FrontDoor',
    start: '2024-03-15T14:05:30+01:00',
    layout: 'blueiris',
  },
  {
    recorder: 'blueiris',
    path: 'New/FrontDoor/202403/FrontDoor.20240315_140530.mp4',
    camera: 'FrontDoor',
    start: '2024-03-15T14:05:30+01:00',
    layout: 'blueiris',
  },
  {
    recorder: 'reolink',
    path: 'Camera BE_01_20210315004528.mp4',
    camera: 'Camera BE',
    start: '2021-03-15T00:45:28+01:00',
    layout: 'reolink ftp',
  },
  {
    recorder: 'reolink',
    path: '2021/03/15/Back_Yard_00_20210315004528.mp4',
    camera: 'Back_Yard',
    start: '2021-03-15T00:45:28+01:00',
    layout: 'reolink ftp',
  },
  {
    recorder: 'reolink',
    path: 'Mp4Record/2020-12-22/RecM01_20201222_075939_080140_6D28808_1A468F9.mp4',
    camera: 'reolink',
    start: '2020-12-22T07:59:39+01:00',
    layout: 'reolink recording',
  },
  {
    recorder: 'reolink',
    path: 'Garden/Mp4Record/2021-07-01/RecS03_DST20210701_075939_080140_6D28808_1A468F9.mp4',
    camera: 'Garden',
    start: '2021-07-01T07:59:39+02:00',
    layout: 'reolink recording',
  },
  {
    recorder: 'dahua',
    path: 'AMC0028V_795UUB/2018-02-24/001/dav/11/11.50.41-11.52.11[M][0@0][0].dav',
    camera: 'AMC0028V_795UUB',
    start: '2018-02-24T11:50:41+01:00',
    layout: 'dahua ftp',
  },
  {
    recorder: 'dahua',
    path: '2018-02-24/002/dav/11/11.50.41-11.52.11[R][0@0][0].dav',
    camera: '002',
    start: '2018-02-24T11:50:41+01:00',
    layout: 'dahua nvr',
  },
  {
    recorder: 'kerberos',
    path: '1564859471_6-474162_oprit_577-283-727-375_1153_27.mp4',
    camera: 'oprit',
    start: '2019-08-03T19:11:11Z',
    layout: 'kerberos',
  },
  {
    recorder: 'kerberos',
    path: 'recordings/1564859471_6-474162_front_gate_577-283-727-375_1153_27.mp4',
    camera: 'front_gate',
    start: '2019-08-03T19:11:11Z',
    layout: 'kerberos',
  },
  {
    recorder: 'agentdvr',
    path: '3_2021-01-21_16-34-42_977.mkv',
    camera: '3',
    start: '2021-01-21T16:34:42.977+01:00',
    layout: 'agentdvr (file name only)',
  },
  {
    recorder: 'agentdvr',
    path: 'video/QWERT/3_2021-01-21_16-34-42_977.mkv',
    camera: 'QWERT',
    start: '2021-01-21T16:34:42.977+01:00',
    layout: 'agentdvr',
  },
  {
    recorder: 'agentdvr',
    path: 'video/ABCDE/1_2021-01-21_16-34-42.mp4',
    camera: 'ABCDE',
    start: '2021-01-21T16:34:42+01:00',
    layout: 'agentdvr',
  },
  {
    recorder: 'mediamtx',
    path: 'cam1/2024-03-15_14-05-30-123456.mp4',
    camera: 'cam1',
    start: '2024-03-15T14:05:30.123+01:00',
    layout: 'mediamtx',
  },
  {
    recorder: 'mediamtx',
    path: 'recordings/cam1/2024-03-15_14-05-30-123456.mp4',
    camera: 'cam1',
    start: '2024-03-15T14:05:30.123Z',
    layout: 'mediamtx',
    recorderZone: 'UTC',
  },
  {
    recorder: 'unifi',
    path: '2022/04/02/FCECDA30AF6E_0_rotating_1648928108633.ubv',
    camera: 'FCECDA30AF6E',
    start: '2022-04-02T19:35:08.633Z',
    layout: 'unifi',
  },
  {
    recorder: 'unifi',
    path: '2022/04/02/FCECDA30AF6E_2_timelapse_1648928108633.ubv',
    camera: 'FCECDA30AF6E',
    start: '2022-04-02T19:35:08.633Z',
    layout: 'unifi',
  },
  { recorder: 'hikvision', path: 'datadir0/hiv00000.mp4', camera: 'hikvision', start: null, layout: 'hikvision' },
  {
    recorder: 'hikvision',
    path: 'nvr-hall/datadir1/hiv00012.mp4',
    camera: 'nvr-hall',
    start: null,
    layout: 'hikvision',
  },
  {
    recorder: 'generic',
    path: 'cam1/cam1_20261124_101500.mp4',
    camera: 'cam1',
    start: '2026-11-24T10:15:00+01:00',
    layout: 'generic',
  },
];

function settingsFor(recorder: string, recorderZone?: string) {
  return kioskConfigSchema.parse({ footage: { recorder, recorderZone: recorderZone ?? null } }).footage;
}

describe('recorder presets, from the recorders’ real example paths', () => {
  it('cover every recorder the issue names', () => {
    expect(RECORDER_PRESETS.map((preset) => preset.name)).toEqual(
      expect.arrayContaining([
        'frigate',
        'motion',
        'motioneye',
        'shinobi',
        'synology',
        'blueiris',
        'reolink',
        'dahua',
        'kerberos',
        'agentdvr',
        'mediamtx',
        'unifi',
        'zoneminder',
        'hikvision',
      ]),
    );
    for (const preset of RECORDER_PRESETS)
      expect(EXAMPLES.some((example) => example.recorder === preset.name)).toBe(true);
  });

  describe.each(['named preset', 'auto'])('%s', (mode) => {
    it.each(EXAMPLES.map((example) => [example.recorder, example.path, example] as const))(
      '%s: %s',
      (_recorder, _path, example) => {
        const settings = settingsFor(mode === 'auto' ? 'auto' : example.recorder, example.recorderZone);
        // A fresh identifier each time: no folder decision carries over from another example.
        const identity = createFootageIdentifier(settings, KIOSK_ZONE).identify(example.path, MTIME);
        expect(identity).toEqual({
          camera: example.camera,
          recordedAt: example.start === null ? MTIME : Date.parse(example.start),
          timeSource: example.start === null ? 'mtime' : 'path',
          layout: example.layout,
        });
      },
    );
  });

  it('a chosen preset reads only its own layout', () => {
    const frigateOnly = settingsFor('frigate');
    expect(identifyFootage('Camera1/2021-01-04/12-16-03.mp4', MTIME, frigateOnly, KIOSK_ZONE)).toEqual({
      camera: 'Camera1',
      recordedAt: MTIME,
      timeSource: 'mtime',
      layout: null,
    });
  });

  it('auto keeps a folder’s layout, and reads a file that does not fit it with every pattern again', () => {
    const identifier = createFootageIdentifier(settingsFor('auto'), KIOSK_ZONE);
    expect(identifier.identify('mixed/Camera BE_01_20210315004528.mp4', MTIME).layout).toBe('reolink ftp');
    expect(identifier.identify('mixed/Camera BE_01_20210315004530.mp4', MTIME)).toMatchObject({
      layout: 'reolink ftp',
      recordedAt: Date.parse('2021-03-15T00:45:30+01:00'),
    });
    expect(identifier.identify('mixed/1564859471_6-474162_oprit_577-283-727-375_1153_27.mp4', MTIME)).toMatchObject({
      layout: 'kerberos',
      camera: 'oprit',
    });
    expect(identifier.identify('mixed/notes-about-nothing.mp4', MTIME)).toMatchObject({
      timeSource: 'mtime',
      layout: null,
    });
  });

  it('configured patterns come first, and custom uses only them', () => {
    const pattern = {
      regex: '^(?<camera>yard)-(?<year>\\d{4})(?<month>\\d\\d)(?<day>\\d\\d)\\.avi$',
      zone: 'utc',
      camera: 'group',
    };
    const custom = kioskConfigSchema.parse({ footage: { recorder: 'custom', patterns: [pattern] } }).footage;
    expect(identifyFootage('yard-20261124.avi', MTIME, custom, KIOSK_ZONE)).toMatchObject({
      layout: 'pattern 1',
      camera: 'yard',
    });
    expect(identifyFootage('2026-05-11/14/front_door/00.00.mp4', MTIME, custom, KIOSK_ZONE).timeSource).toBe('mtime');
  });
});

describe('the pattern language', () => {
  const read = (pattern: Record<string, unknown>, relativePath: string, footage: Record<string, unknown> = {}) =>
    identifyFootage(
      relativePath,
      MTIME,
      kioskConfigSchema.parse({ footage: { recorder: 'custom', patterns: [pattern], ...footage } }).footage,
      KIOSK_ZONE,
    );

  it('epoch seconds and milliseconds, which win over local fields in the same path', () => {
    expect(read({ regex: '(?<epoch>\\d{10})\\.mp4$' }, 'a/1700000000.mp4').recordedAt).toBe(1_700_000_000_000);
    expect(read({ regex: '(?<epochMs>\\d{13})\\.mp4$' }, 'a/1700000000123.mp4').recordedAt).toBe(1_700_000_000_123);
    expect(
      read(
        { regex: '(?<year>\\d{4})(?<month>\\d\\d)(?<day>\\d\\d)-(?<epoch>\\d+)\\.mp4$' },
        'a/20261124-1700000000.mp4',
      ).recordedAt,
    ).toBe(1_700_000_000_000);
  });

  it('two-digit years', () => {
    expect(
      read({ regex: '(?<year>\\d\\d)(?<month>\\d\\d)(?<day>\\d\\d)\\.mp4$', zone: 'utc' }, 'a/261124.mp4').recordedAt,
    ).toBe(Date.parse('2026-11-24T00:00:00Z'));
  });

  it('AM/PM half-day folders with twelve-hour clocks', () => {
    const pattern = {
      regex: '(?<year>\\d{4})(?<month>\\d\\d)(?<day>\\d\\d)(?<half>AM|PM)/(?<hour>\\d\\d)(?<minute>\\d\\d)\\.mp4$',
      zone: 'utc',
    };
    expect(read(pattern, 'c/20261124PM/0130.mp4').recordedAt).toBe(Date.parse('2026-11-24T13:30:00Z'));
    expect(read(pattern, 'c/20261124AM/0130.mp4').recordedAt).toBe(Date.parse('2026-11-24T01:30:00Z'));
    expect(read(pattern, 'c/20261124PM/1330.mp4').recordedAt).toBe(Date.parse('2026-11-24T13:30:00Z'));
    expect(read(pattern, 'c/20261124AM/1230.mp4').recordedAt).toBe(Date.parse('2026-11-24T00:30:00Z'));
    expect(read(pattern, 'c/20261124PM/1230.mp4').recordedAt).toBe(Date.parse('2026-11-24T12:30:00Z'));
  });

  it('a camera name glued to the date', () => {
    expect(
      read(
        {
          regex: '(?<camera>[^/]*[^/\\d])(?<year>\\d{4})(?<month>\\d\\d)(?<day>\\d\\d)\\.mp4$',
          camera: 'group',
          zone: 'utc',
        },
        'x/Front Door20261124.mp4',
      ),
    ).toMatchObject({ camera: 'Front Door', recordedAt: Date.parse('2026-11-24T00:00:00Z') });
  });

  it('the camera from a chosen folder depth', () => {
    const pattern = { regex: '(?<year>\\d{4})(?<month>\\d\\d)(?<day>\\d\\d)\\.mp4$', zone: 'utc' };
    expect(read({ ...pattern, camera: 1 }, 'site/hall/2026/20261124.mp4').camera).toBe('hall');
    expect(read({ ...pattern, camera: -1 }, 'site/hall/2026/20261124.mp4').camera).toBe('2026');
    expect(read({ ...pattern, camera: 'firstFolder' }, 'site/hall/2026/20261124.mp4').camera).toBe('site');
  });

  it('per-pattern time zones: utc, the recorder’s zone, an IANA zone', () => {
    const pattern = { regex: '(?<year>\\d{4})(?<month>\\d\\d)(?<day>\\d\\d)_(?<hour>\\d\\d)\\.mp4$' };
    expect(read({ ...pattern, zone: 'utc' }, 'a/20260701_10.mp4').recordedAt).toBe(Date.parse('2026-07-01T10:00:00Z'));
    expect(read({ ...pattern, zone: 'local' }, 'a/20260701_10.mp4').recordedAt).toBe(
      Date.parse('2026-07-01T10:00:00+02:00'),
    );
    expect(read({ ...pattern, zone: 'local' }, 'a/20260701_10.mp4', { recorderZone: 'UTC' }).recordedAt).toBe(
      Date.parse('2026-07-01T10:00:00Z'),
    );
    expect(read({ ...pattern, zone: 'America/New_York' }, 'a/20260701_10.mp4').recordedAt).toBe(
      Date.parse('2026-07-01T10:00:00-04:00'),
    );
  });

  it('rejects an unknown zone or recorder in the configuration', () => {
    expect(kioskConfigSchema.safeParse({ footage: { recorder: 'betamax' } }).success).toBe(false);
    expect(kioskConfigSchema.safeParse({ footage: { recorderZone: 'Mars/Olympus' } }).success).toBe(false);
    expect(kioskConfigSchema.safeParse({ footage: { patterns: [{ regex: 'x', zone: 'Nowhere/Land' }] } }).success).toBe(
      false,
    );
  });
});

describe('camera names', () => {
  it('map recorder ids to names people know, and leave other cameras as they are', () => {
    const names = { '1': 'Entrance', FCECDA30AF6E: 'Car park', QWERT: 'Reception desk' };
    expect(cameraDisplayName(names, '1')).toBe('Entrance');
    expect(cameraDisplayName(names, 'FCECDA30AF6E')).toBe('Car park');
    expect(cameraDisplayName(names, 'front_door')).toBe('front_door');
    expect(cameraDisplayName(names, 'constructor')).toBe('constructor');
  });
});

describe('extensions indexed by default', () => {
  it('are what these recorders write', () => {
    expect(defaultConfig.footage.extensions).toEqual(
      expect.arrayContaining(['.mp4', '.mkv', '.avi', '.mov', '.ts', '.m4s', '.dav', '.ubv', '.bvr', '.h264', '.h265']),
    );
  });
});

describe('a day-only path', () => {
  it('caps the mtime at the end of the path’s day in the recorder’s zone, and leaves an earlier mtime', () => {
    const settings = { patterns: [], recorder: 'zoneminder' };
    const identifier = createFootageIdentifier(settings, 'Europe/Amsterdam');
    expect(identifier.identify('1/2021-07-20/3/3-video.mp4', MTIME)).toMatchObject({
      recordedAt: Date.parse('2021-07-20T23:59:59.999+02:00'),
      timeSource: 'mtime',
    });
    const early = Date.parse('2026-11-20T08:00:00Z');
    expect(identifier.identify('1/2026-11-20/3/3-video.mp4', early).recordedAt).toBe(early);
  });
});
