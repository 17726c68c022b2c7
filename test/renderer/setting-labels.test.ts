import { describe, expect, it } from 'vitest';
import { FOOTAGE_ENFORCERS } from '../../shared/config';
import { SETTING_KEYS, settingInput } from '../../shared/settings/config-paths';
import { groupOf, SETTING_LABELS, SETTING_OPTION_LABELS } from '../../renderer/staff/settings/setting-labels';

describe('the settings view labels every setting of the schema', () => {
  it.each(SETTING_KEYS.map((key) => [key]))('%s has a Dutch and an English label and a group', (key) => {
    expect(SETTING_LABELS[key]?.nl, `${key}: no Dutch label in renderer/staff/settings/setting-labels.ts`).toMatch(
      /\S/,
    );
    expect(SETTING_LABELS[key]?.en, `${key}: no English label in renderer/staff/settings/setting-labels.ts`).toMatch(
      /\S/,
    );
    expect(groupOf(key), `${key}: no group in renderer/staff/settings/setting-labels.ts`).not.toBeNull();
  });

  it('labels nothing that is not a setting (a renamed key leaves no stale label)', () => {
    expect(Object.keys(SETTING_LABELS).filter((key) => !SETTING_KEYS.includes(key))).toEqual([]);
  });

  it('finds the nested groups too: alerts.email has its fields', () => {
    expect(SETTING_KEYS).toEqual(expect.arrayContaining(['alerts.email.host', 'alerts.email.password']));
  });
});

describe('the choices of footage.enforcedBy are words in both languages', () => {
  it.each(FOOTAGE_ENFORCERS.map((value) => [value]))('%s', (value) => {
    expect(settingInput('footage.enforcedBy')).toMatchObject({ kind: 'choice', options: [...FOOTAGE_ENFORCERS] });
    expect(SETTING_OPTION_LABELS['footage.enforcedBy']?.[value]?.nl).toMatch(/\S/);
    expect(SETTING_OPTION_LABELS['footage.enforcedBy']?.[value]?.en).toMatch(/\S/);
  });
});
