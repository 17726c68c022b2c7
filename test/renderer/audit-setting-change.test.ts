import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api/types';
import { describeAuditEntry } from '../../renderer/staff/audit/audit-texts';

const entry = (detail: AuditEntry['detail'], action = 'settings.changed'): AuditEntry =>
  ({ id: 1, at: Date.parse('2026-11-24T09:00:00Z'), actor: 'Ada Admin', action, detail }) as AuditEntry;
const say = (detail: AuditEntry['detail'], language: 'nl' | 'en', action?: string) =>
  describeAuditEntry(entry(detail, action), language, (id) => String(id)).sentence;

describe('a settings change in the audit tab', () => {
  it('names the setting by its label, with the old and the new value, in Dutch and English', () => {
    const change = { key: 'retention.visitMonths', before: '6', after: '3', source: 'app' };
    expect(say(change, 'nl')).toBe('Instelling „Bezoekgegevens bewaren (maanden)” gewijzigd: 6 → 3');
    expect(say(change, 'en')).toBe('Setting “Keep visitor data (months)” changed: 6 → 3');
  });

  it('shows texts without quotes, an unset value as such, a choice in words, and a hand edit as one', () => {
    expect(
      say({ key: 'schedules.visitPurge', before: '"0 * * * *"', after: '"30 * * * *"', source: 'app' }, 'en'),
    ).toBe('Setting “Visit purge schedule (cron)” changed: 0 * * * * → 30 * * * *');
    expect(say({ key: 'footage.root', before: 'null', after: '"/srv/cctv"', source: 'file' }, 'nl')).toBe(
      'Instelling „Map van de camerarecorder” gewijzigd: (niet ingesteld) → /srv/cctv (met de hand in config.json)',
    );
    expect(say({ key: 'footage.enforcedBy', before: '"kiosk"', after: '"recorder"', source: 'app' }, 'en')).toBe(
      "Setting “Who deletes camera footage after the retention period” changed: This kiosk (from the recorder's folder) → The recorder deletes its own footage",
    );
  });

  it('never shows a secret, only that it changed', () => {
    const secret = { key: 'alerts.email.password', before: 'changed', after: 'changed', source: 'app' };
    expect(say(secret, 'nl')).toBe('Instelling „Wachtwoord” gewijzigd (geheim, niet getoond)');
    expect(say(secret, 'en')).toBe('Setting “Password” changed (secret, not shown)');
  });

  it('says when a hand edit of config.json was refused, and is found by "instellingen" / "settings"', () => {
    expect(say({ problem: 'retention.visitMonths: must be at most 6' }, 'en', 'settings.fileRefused')).toBe(
      'Hand-edited config.json refused: retention.visitMonths: must be at most 6',
    );
    const change = entry({ key: 'idle.staffSeconds', before: '120', after: '300', source: 'app' });
    expect(describeAuditEntry(change, 'nl', String).searchable).toContain('instellingen');
    expect(describeAuditEntry(change, 'en', String).searchable).toContain('settings');
  });
});

describe('a settings change in the audit tab: its details', () => {
  it('name the setting and where the change came from, not the values a second time', () => {
    const change = entry({ key: 'footage.root', before: null, after: '"/srv/cctv"', source: 'app' });
    expect(describeAuditEntry(change, 'en', String).details).toBe('setting: footage.root, source: app');
    expect(describeAuditEntry(change, 'nl', String).details).toBe('instelling: footage.root, bron: app');
  });
});
