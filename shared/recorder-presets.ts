/**
 * How common CCTV recorders name their files, as footage patterns (see shared/footage-path.ts for
 * the pattern language). Built from the recorders' own code and documentation
 * (shared/reference/recorder-layouts.md); every preset is tested against real example paths.
 *
 * Zones: 'utc' where the recorder stamps UTC, 'local' for the recorder's own zone
 * (`footage.recorderZone`, else the kiosk's). An epoch in a name always wins over local fields.
 */

export interface FootagePatternSpec {
  /** Shown by `footage inspect` and the admin view: which layout a file was read with. */
  label: string;
  /** On the path relative to the root; named groups: see shared/footage-path.ts. */
  regex: string;
  zone: 'utc' | 'local' | (string & {});
  /** The camera: the camera group, the first folder, or the folder at this depth (0 = first, -1 = the file's own). */
  camera: 'group' | 'firstFolder' | number;
  /** The camera when the path names none (a recorder's own disk). */
  defaultCamera?: string;
  /** 'mtime': the layout has no recording start in its paths; the file's mtime stands in, marked as such. */
  time?: 'path' | 'mtime';
}

export interface RecorderPreset {
  name: string;
  /** What a person would call it, for the admin. */
  title: string;
  patterns: FootagePatternSpec[];
}

const DATE = '(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})';
const COMPACT_DATE = '(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})';
const COMPACT_TIME = '(?<hour>\\d{2})(?<minute>\\d{2})(?<second>\\d{2})';
const DASHED_TIME = '(?<hour>\\d{2})-(?<minute>\\d{2})-(?<second>\\d{2})';
const DOTTED_TIME = '(?<hour>\\d{2})\\.(?<minute>\\d{2})\\.(?<second>\\d{2})';
/** Any extension: the scan has already chosen the video files. */
const EXT = '\\.[^/.]+$';
/** A path starts at the root or at any folder below it. */
const AT = '^(?:[^/]*/)*?';

export const RECORDER_PRESETS: readonly RecorderPreset[] = [
  {
    name: 'frigate',
    title: 'Frigate',
    patterns: [
      {
        // 0.12+: recordings/YYYY-MM-DD/HH/<camera>/MM.SS.mp4; "directory will be in utc" (record/maintainer.py)
        label: 'frigate',
        regex: `${AT}${DATE}/(?<hour>\\d{2})/(?<camera>[^/]+)/(?<minute>\\d{2})\\.(?<second>\\d{2})${EXT}`,
        zone: 'utc',
        camera: 'group',
      },
      {
        // 0.8-0.11: YYYY-MM/DD/HH/<camera>/MM.SS.mp4 in the container's zone
        label: 'frigate 0.8-0.11',
        regex: `${AT}(?<year>\\d{4})-(?<month>\\d{2})/(?<day>\\d{2})/(?<hour>\\d{2})/(?<camera>[^/]+)/(?<minute>\\d{2})\\.(?<second>\\d{2})${EXT}`,
        zone: 'local',
        camera: 'group',
      },
      {
        // exports/<camera>_<start>-<end>_<id>.mp4, container-local
        label: 'frigate export',
        regex: `${AT}(?<camera>[^/]+)_${COMPACT_DATE}_${COMPACT_TIME}-\\d{8}_\\d{6}_[^/]+${EXT}`,
        zone: 'local',
        camera: 'group',
      },
    ],
  },
  {
    name: 'zoneminder',
    title: 'ZoneMinder',
    patterns: [
      {
        // deep: <MonitorId>/YY/MM/DD/HH/MM/SS/<EventId>-video.mp4
        label: 'zoneminder deep',
        regex: `${AT}(?<camera>\\d+)/(?<year>\\d{2})/(?<month>\\d{2})/(?<day>\\d{2})/(?<hour>\\d{2})/(?<minute>\\d{2})/(?<second>\\d{2})/[^/]+${EXT}`,
        zone: 'local',
        camera: 'group',
      },
      {
        // medium (the default): <MonitorId>/YYYY-MM-DD/<EventId>/<EventId>-video.mp4; the start lives in
        // ZoneMinder's database, not in the path: the mtime dates it, capped at the end of the day
        label: 'zoneminder medium',
        regex: `${AT}(?<camera>\\d+)/(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})/(?<event>\\d+)/\\k<event>-video[^/]*$`,
        zone: 'local',
        camera: 'group',
        time: 'mtime',
      },
      {
        // shallow: <MonitorId>/<EventId>/<EventId>-video.mp4, no time at all
        label: 'zoneminder shallow',
        regex: `${AT}(?<camera>\\d+)/(?<event>\\d+)/\\k<event>-video[^/]*$`,
        zone: 'local',
        camera: 'group',
        time: 'mtime',
      },
    ],
  },
  {
    name: 'synology',
    title: 'Synology Surveillance Station',
    patterns: [
      {
        // <Camera>/<YYYYMMDD><AM|PM>/<Camera><YYYYMMDD>-<HHMMSS>-<epoch>.mp4: the name is glued to the date
        label: 'synology',
        regex: `${AT}(?<camera>[^/]+)/\\d{8}(?<half>AM|PM)/\\k<camera>${COMPACT_DATE}-${COMPACT_TIME}-(?<epoch>\\d{9,11})${EXT}`,
        zone: 'local',
        camera: 'group',
      },
      {
        label: 'synology (file name only)',
        regex: `${AT}(?<camera>[^/]*[^/\\d])${COMPACT_DATE}-${COMPACT_TIME}-(?<epoch>\\d{9,11})${EXT}`,
        zone: 'local',
        camera: 'group',
      },
    ],
  },
  {
    name: 'unifi',
    title: 'UniFi Protect',
    patterns: [
      {
        // YYYY/MM/DD/<MAC>_<0|2>_rotating_<unix ms>.ubv; the folder is the NVR's local date, the epoch UTC
        label: 'unifi',
        regex: `${AT}(?<camera>[0-9A-Fa-f]{12})_\\d+_(?:rotating|timelapse)_(?<epochMs>\\d{13})${EXT}`,
        zone: 'utc',
        camera: 'group',
      },
    ],
  },
  {
    name: 'kerberos',
    title: 'Kerberos.io',
    patterns: [
      {
        // <unix s>_<digits>-<ms>_<agent>_<x-y-w-h>_<changes>_<duration>.mp4; the agent name may hold '_'
        label: 'kerberos',
        regex: `${AT}(?<epoch>\\d{10})_\\d+-\\d+_(?<camera>[^/]+)_\\d+-\\d+-\\d+-\\d+_\\d+_\\d+${EXT}`,
        zone: 'utc',
        camera: 'group',
      },
    ],
  },
  {
    name: 'shinobi',
    title: 'Shinobi',
    patterns: [
      {
        // <groupKey>/<monitorId>/YYYY-MM-DDTHH-MM-SS.mp4
        label: 'shinobi',
        regex: `${AT}(?<camera>[^/]+)/${DATE}T${DASHED_TIME}${EXT}`,
        zone: 'local',
        camera: 'group',
      },
    ],
  },
  {
    name: 'motioneye',
    title: 'motionEye',
    patterns: [
      {
        // <Camera>/%Y-%m-%d/%H-%M-%S.mp4
        label: 'motioneye',
        regex: `${AT}(?<camera>[^/]+)/${DATE}/${DASHED_TIME}${EXT}`,
        zone: 'local',
        camera: 'group',
      },
    ],
  },
  {
    name: 'motion',
    title: 'motion',
    patterns: [
      {
        // %t-%v-%Y%m%d%H%M%S.mkv: camera number, event number, time
        label: 'motion',
        regex: `${AT}(?<camera>\\d+)-\\d+-${COMPACT_DATE}${COMPACT_TIME}${EXT}`,
        zone: 'local',
        camera: 'group',
      },
    ],
  },
  {
    name: 'dahua',
    title: 'Dahua / Amcrest',
    patterns: [
      {
        // NVR disk: YYYY-MM-DD/<channel>/dav/HH/HH.MM.SS-HH.MM.SS[R][0@0][0].dav
        label: 'dahua nvr',
        regex: `^${DATE}/(?<camera>\\d{3})/dav/\\d{2}/${DOTTED_TIME}-\\d{2}\\.\\d{2}\\.\\d{2}[^/]*$`,
        zone: 'local',
        camera: 'group',
      },
      {
        // FTP upload: <Device>/YYYY-MM-DD/001/dav/HH/HH.MM.SS-HH.MM.SS[M][0@0][0].dav
        label: 'dahua ftp',
        regex: `${AT}(?<camera>[^/]+)/${DATE}/\\d{3}/dav/\\d{2}/${DOTTED_TIME}-\\d{2}\\.\\d{2}\\.\\d{2}[^/]*$`,
        zone: 'local',
        camera: 'group',
      },
    ],
  },
  {
    name: 'reolink',
    title: 'Reolink',
    patterns: [
      {
        // its own recordings: [<camera>/]Mp4Record/YYYY-MM-DD/Rec<M|S><ver>_[DST]YYYYMMDD_HHMMSS_HHMMSS_<hex>_<hex>.mp4
        label: 'reolink recording',
        regex: `${AT}(?:(?<camera>[^/]+)/)?Mp4Record/\\d{4}-\\d{2}-\\d{2}/Rec[MS][0-9A-Za-z]{2}_(?:DST)?${COMPACT_DATE}_${COMPACT_TIME}_\\d{6}_[0-9A-Fa-f]+_[0-9A-Fa-f]+${EXT}`,
        zone: 'local',
        camera: 'group',
        defaultCamera: 'reolink',
      },
      {
        // FTP upload: [YYYY/MM[/DD]/]<Camera>_<NN>_<YYYYMMDDhhmmss>.mp4
        label: 'reolink ftp',
        regex: `${AT}(?<camera>[^/]+)_\\d{2}_${COMPACT_DATE}${COMPACT_TIME}${EXT}`,
        zone: 'local',
        camera: 'group',
      },
    ],
  },
  {
    name: 'blueiris',
    title: 'Blue Iris',
    patterns: [
      {
        // &CAM.%Y%m%d_%H%M%S.bvr (its default clip name)
        label: 'blueiris',
        regex: `${AT}(?<camera>[^/]+)\\.${COMPACT_DATE}_${COMPACT_TIME}${EXT}`,
        zone: 'local',
        camera: 'group',
      },
    ],
  },
  {
    name: 'agentdvr',
    title: 'Agent DVR / iSpy',
    patterns: [
      {
        // video/<5 letters>/<id>_<yyyy-MM-dd_HH-mm-ss[_fff]>.mkv: the letters are the camera's folder
        label: 'agentdvr',
        regex: `${AT}(?<camera>[A-Za-z]{5})/\\d+_${DATE}_${DASHED_TIME}(?:_(?<fraction>\\d{3}))?${EXT}`,
        zone: 'local',
        camera: 'group',
      },
      {
        label: 'agentdvr (file name only)',
        regex: `${AT}(?<camera>\\d+)_${DATE}_${DASHED_TIME}(?:_(?<fraction>\\d{3}))?${EXT}`,
        zone: 'local',
        camera: 'group',
      },
    ],
  },
  {
    name: 'mediamtx',
    title: 'MediaMTX',
    patterns: [
      {
        // <path>/%Y-%m-%d_%H-%M-%S-%f.mp4 (microseconds)
        label: 'mediamtx',
        regex: `${AT}(?<camera>[^/]+)/${DATE}_${DASHED_TIME}-(?<fraction>\\d{6})${EXT}`,
        zone: 'local',
        camera: 'group',
      },
    ],
  },
  {
    name: 'hikvision',
    title: 'Hikvision (ring files)',
    patterns: [
      {
        // [<camera>/]datadir<N>/hiv<NNNNN>.mp4: 256 MB ring files, no time in any path
        label: 'hikvision',
        regex: `${AT}(?:(?<camera>[^/]+)/)?datadir\\d+/hiv\\d+\\.mp4$`,
        zone: 'local',
        camera: 'group',
        defaultCamera: 'hikvision',
        time: 'mtime',
      },
    ],
  },
  {
    name: 'generic',
    title: 'A timestamp in the file name',
    patterns: [
      {
        // cam1_20261124_101500.mp4, 20261124T101500.mkv, ch01_20261124101500.mp4
        label: 'generic',
        regex: `${AT}(?:(?<camera>[^/_]+)_)?${COMPACT_DATE}[_T-]?${COMPACT_TIME}[^/]*$`,
        zone: 'local',
        camera: 'firstFolder',
      },
    ],
  },
];

export const RECORDER_NAMES = RECORDER_PRESETS.map((preset) => preset.name);
