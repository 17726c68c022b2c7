import { describe, expect, it } from 'vitest';
import { checkConfig, kioskConfigSchema } from '../../shared/config';
import { noticeFacts, noticeSections, noticeVersion } from '../../shared/notice';
import { renderAccessExport } from '../../shared/privacy-export';

const configWith = (footage: Record<string, unknown>, footageDays = 14) =>
  kioskConfigSchema.parse({ footage, retention: { footageDays } });

const text = (config: ReturnType<typeof configWith>, language: 'nl' | 'en') =>
  noticeSections(noticeFacts(config), language)
    .flatMap((section) => section.paragraphs)
    .join(' ');

describe('who deletes camera footage (footage.enforcedBy)', () => {
  it('is the kiosk by default, and the notice then reads as before', () => {
    const config = kioskConfigSchema.parse({ retention: { footageDays: 14 } });
    expect(config.footage.enforcedBy).toBe('kiosk');
    expect(noticeVersion(config)).toBe('3-6m-14d-7i');
    expect(text(config, 'nl')).toContain('Camerabeelden bewaren wij maximaal 2 weken (14 dagen) na de opname.');
    expect(text(config, 'en')).toContain('camera recordings for at most 2 weeks (14 days) after they were made.');
  });

  it('recorder: the notice says the recorder deletes footage after the period, with a version of its own', () => {
    const config = configWith({ enforcedBy: 'recorder' });
    expect(noticeFacts(config).footageDeletedBy).toBe('recorder');
    expect(noticeVersion(config)).not.toBe(noticeVersion(configWith({})));
    expect(text(config, 'nl')).toContain(
      'Camerabeelden bewaren wij maximaal 2 weken (14 dagen) na de opname; daarna wist de camerarecorder ze zelf.',
    );
    expect(text(config, 'en')).toContain(
      'camera recordings for at most 2 weeks (14 days) after they were made; the camera recorder then deletes them itself.',
    );
    // Its own period is part of the version too.
    expect(noticeVersion(configWith({ enforcedBy: 'recorder' }, 7))).not.toBe(noticeVersion(config));
  });

  it('noCameras: the notice says this entrance records no footage, and promises no footage period', () => {
    const config = configWith({ enforcedBy: 'noCameras' });
    expect(noticeFacts(config).footageDeletedBy).toBe('noCameras');
    expect(noticeVersion(config)).not.toBe(noticeVersion(configWith({})));
    expect(noticeVersion(config)).not.toBe(noticeVersion(configWith({ enforcedBy: 'recorder' })));
    const nl = text(config, 'nl');
    const en = text(config, 'en');
    expect(nl).toContain('Bij deze ingang hangen geen camera’s: wij maken hier geen camerabeelden van u.');
    expect(en).toContain('There are no cameras at this entrance: we make no camera recordings of you here.');
    expect(nl).not.toMatch(/In en rond het gebouw hangen camera|Camerabeelden bewaren/);
    expect(en).not.toMatch(/Cameras in and around|camera recordings for at most/);
  });

  it('refuses an unknown value, and "no cameras" beside a footage root, naming the field', () => {
    const unknown = checkConfig({ footage: { enforcedBy: 'nobody' } });
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.problems.join()).toMatch(/^footage\.enforcedBy: /);
    const both = checkConfig({ footage: { enforcedBy: 'noCameras', root: '/srv/cctv' } });
    expect(both.ok).toBe(false);
    expect(!both.ok && both.problems.join()).toMatch(/^footage\.enforcedBy: .*footage\.root/);
    expect(checkConfig({ footage: { enforcedBy: 'recorder', root: '/srv/cctv' } }).ok).toBe(true);
  });

  it('noCameras: the access copy names no footage period either; kiosk and recorder still do', () => {
    const copy = (enforcedBy: string) =>
      renderAccessExport([], noticeFacts(configWith({ enforcedBy })), 'en', Date.UTC(2026, 10, 24, 9));
    const none = copy('noCameras');
    expect(none.html).not.toContain('Camera images of your visit');
    expect(JSON.parse(none.json).retention.footageDays).toBeNull();
    for (const enforcedBy of ['kiosk', 'recorder']) {
      expect(copy(enforcedBy).html).toContain('Camera images of your visit are kept for at most 14 days');
      expect(JSON.parse(copy(enforcedBy).json).retention.footageDays).toBe(14);
    }
  });
});
