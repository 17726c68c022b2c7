import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../shared/config';
import { noticeFacts, noticeSections, noticeVersion } from '../../shared/notice';

const defaultConfig = kioskConfigSchema.parse({});
const hostNoticeOn = kioskConfigSchema.parse({ hostNotice: { enabled: true } });

function section(config: typeof defaultConfig, language: 'nl' | 'en', heading: string): string {
  const found = noticeSections(noticeFacts(config), language).find((s) => s.heading === heading);
  if (!found) throw new Error(`no section ${heading}`);
  return found.paragraphs.join(' ');
}
const sentences = (text: string) => text.split(/(?<=[.:])\s+/);

// Point by point against the statement (row "Bezoekers kantoorpand") and GDPR art. 13/14.
describe('the notice', () => {
  it('names the right to restriction, and objection in a sentence of its own (art. 13(2)(b))', () => {
    const nl = section(defaultConfig, 'nl', 'Uw rechten');
    const en = section(defaultConfig, 'en', 'Your rights');
    expect(nl).toContain('beperking van de verwerking');
    expect(en).toContain('restrict');
    const objectionNl = sentences(nl).filter((s) => s.includes('bezwaar'));
    const objectionEn = sentences(en).filter((s) => s.includes('object'));
    expect(objectionNl).toHaveLength(1);
    expect(objectionEn).toHaveLength(1);
    expect(objectionNl[0]).not.toContain('inzage');
    expect(objectionEn[0]).not.toMatch(/\bsee\b|correct|erase/);
  });

  it('states the purposes under the statement’s building security, the evacuation list included', () => {
    const nl = section(defaultConfig, 'nl', 'Waarom');
    const en = section(defaultConfig, 'en', 'Why');
    expect(nl).toMatch(/^Voor de beveiliging van het gebouw/);
    expect(nl).toContain('interne controle');
    expect(en).toMatch(/^For the security of the building/);
    expect(en).toContain('internal control');
    // The evacuation list is part of that security, not a purpose of its own.
    expect(sentences(nl).filter((s) => s.includes('ontruiming'))[0]).toContain('daarbij');
    expect(sentences(en).filter((s) => s.includes('evacuation'))[0]).toContain('part of that');
  });

  it('names the host as a recipient only when host notices are on', () => {
    expect(section(hostNoticeOn, 'nl', 'Wie heeft toegang')).toContain('De persoon die u bezoekt');
    expect(section(hostNoticeOn, 'en', 'Who has access')).toContain('The person you visit');
    expect(section(defaultConfig, 'nl', 'Wie heeft toegang')).not.toContain('De persoon die u bezoekt');
    expect(section(defaultConfig, 'en', 'Who has access')).not.toContain('The person you visit');
  });

  it('has a new version when its wording or its facts change', () => {
    expect(noticeVersion(defaultConfig)).toMatch(/^3-/);
    expect(noticeVersion(hostNoticeOn)).not.toBe(noticeVersion(defaultConfig));
    const shorter = kioskConfigSchema.parse({ retention: { footageDays: 14 } });
    expect(noticeVersion(shorter)).not.toBe(noticeVersion(defaultConfig));
  });
});
