import type { AuditEntry } from '../../../shared/api/types';
import type { Language } from '../../../shared/messages';
import { isSecretKey } from '../../../shared/settings/config-paths';
import { SETTING_LABELS, SETTING_OPTION_LABELS } from '../settings/setting-labels';

type Detail = AuditEntry['detail'];

const words = {
  nl: {
    notSet: '(niet ingesteld)',
    secret: 'gewijzigd (niet getoond)',
    changed: (label: string, before: string, after: string) => `Instelling „${label}” gewijzigd: ${before} → ${after}`,
    secretChanged: (label: string) => `Instelling „${label}” gewijzigd (geheim, niet getoond)`,
    byHand: ' (met de hand in config.json)',
    refused: (problem: string) => `Met de hand gewijzigde config.json geweigerd: ${problem}`,
    accepted: 'Met de hand gewijzigde config.json weer in orde',
  },
  en: {
    notSet: '(not set)',
    secret: 'changed (not shown)',
    changed: (label: string, before: string, after: string) => `Setting “${label}” changed: ${before} → ${after}`,
    secretChanged: (label: string) => `Setting “${label}” changed (secret, not shown)`,
    byHand: ' (by hand in config.json)',
    refused: (problem: string) => `Hand-edited config.json refused: ${problem}`,
    accepted: 'Hand-edited config.json in order again',
  },
} satisfies Record<Language, unknown>;

/** A stored value (JSON text, null when unset) as a person reads it: a text without quotes, a choice in words. */
function shownValue(key: string, stored: Detail[string] | undefined, language: Language): string {
  if (stored === null || stored === undefined) return words[language].notSet;
  let value: unknown;
  try {
    value = JSON.parse(String(stored));
  } catch {
    return String(stored);
  }
  if (value === null) return words[language].notSet;
  if (typeof value === 'string') return SETTING_OPTION_LABELS[key]?.[value]?.[language] ?? value;
  return JSON.stringify(value);
}

/** "Setting “Keep visitor data (months)” changed: 6 → 3", secrets without their values. */
export function settingChangeSentence(detail: Detail, language: Language): string {
  const key = String(detail.key ?? '?');
  const label = SETTING_LABELS[key]?.[language] ?? key;
  const text = words[language];
  const sentence = isSecretKey(key)
    ? text.secretChanged(label)
    : text.changed(label, shownValue(key, detail.before, language), shownValue(key, detail.after, language));
  return detail.source === 'file' ? sentence + text.byHand : sentence;
}

export const settingFileRefusedSentence = (detail: Detail, language: Language) =>
  words[language].refused(String(detail.problem ?? '?'));
export const settingFileAcceptedSentence = (language: Language) => words[language].accepted;
