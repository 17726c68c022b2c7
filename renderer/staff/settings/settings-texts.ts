import type { Language } from '../../../shared/messages';
import type { SettingProblem } from '../../../shared/settings/setting-problems';

/** The reason a setting was refused, in the screen's language; the schema's English text as the fallback. */
function reason(problem: SettingProblem, language: Language): string {
  const nl = language === 'nl';
  switch (problem.code) {
    case 'tooBig':
      return nl ? `mag hoogstens ${problem.limit} zijn` : `must be at most ${problem.limit}`;
    case 'tooSmall':
      return nl ? `moet minstens ${problem.limit} zijn` : `must be at least ${problem.limit}`;
    case 'wrongType':
      return nl ? 'heeft niet het goede soort waarde' : 'does not have the right kind of value';
    case 'notOneOf':
      return nl
        ? `moet een van deze zijn: ${problem.values?.join(', ')}`
        : `must be one of: ${problem.values?.join(', ')}`;
    case 'unknownKey':
      return nl ? 'is geen instelling' : 'is not a setting';
    default:
      return nl ? `is ongeldig (${problem.message})` : problem.message;
  }
}

export const settingsText = {
  nl: {
    title: 'Instellingen',
    lead: 'Wijzigingen gelden meteen, zonder herstart, en staan in het auditlog.',
    save: 'Opslaan',
    check: 'Controleren',
    confirmSave: 'Bevestigen en opslaan',
    cancel: 'Annuleren',
    saved: 'Opgeslagen.',
    nothingChanged: 'Niets gewijzigd.',
    notJson: 'is geen geldige JSON',
    passwordSet: 'ingesteld – typ om te vervangen',
    passwordUnset: 'niet ingesteld',
    problem: (label: string, problem: SettingProblem) => `${label}: ${reason(problem, 'nl')}`,
    erases: (count: number, byChange: number) =>
      `De volgende opschoning wist ${count} bezoek(en), waarvan ${byChange} door deze wijziging. Weet u het zeker?`,
    noticeTitle: 'De privacyverklaring zoals bezoekers haar dan lezen',
    recorderTitle: (root: string) => `Wat de recorderindeling leest in ${root}`,
    recorderFiles: (files: number, layouts: number) => `${files} bestanden in ${layouts} mappenpatroon(en)`,
    recorderError: (detail: string) => `De map kan niet worden gelezen: ${detail}`,
    effectsTitle: 'Gevolgen van deze wijziging',
    testMail: 'Testmail sturen',
    testMailSent: (to: string) => `Testmail verstuurd aan ${to}.`,
    testMailFailed: (stage: string, message: string) => `Testmail niet verstuurd (${stage}): ${message}`,
    testMailOff: 'Er is nog geen mailserver ingesteld.',
    noSettings: 'Hier zijn nog geen instellingen.',
  },
  en: {
    title: 'Settings',
    lead: 'Changes apply at once, without a restart, and are in the audit log.',
    save: 'Save',
    check: 'Check',
    confirmSave: 'Confirm and save',
    cancel: 'Cancel',
    saved: 'Saved.',
    nothingChanged: 'Nothing changed.',
    notJson: 'is not valid JSON',
    passwordSet: 'set – type to replace',
    passwordUnset: 'not set',
    problem: (label: string, problem: SettingProblem) => `${label}: ${reason(problem, 'en')}`,
    erases: (count: number, byChange: number) =>
      `The next purge erases ${count} visit(s), ${byChange} of them because of this change. Are you sure?`,
    noticeTitle: 'The privacy notice as visitors will read it',
    recorderTitle: (root: string) => `What the recorder layout reads in ${root}`,
    recorderFiles: (files: number, layouts: number) => `${files} files in ${layouts} folder pattern(s)`,
    recorderError: (detail: string) => `The folder cannot be read: ${detail}`,
    effectsTitle: 'What this change does',
    testMail: 'Send a test mail',
    testMailSent: (to: string) => `Test mail sent to ${to}.`,
    testMailFailed: (stage: string, message: string) => `Test mail not sent (${stage}): ${message}`,
    testMailOff: 'No mail server is set yet.',
    noSettings: 'No settings here yet.',
  },
} satisfies Record<Language, unknown>;
