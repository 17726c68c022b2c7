import type { ParsedInputOf } from '../../../shared/api/contract';
import { auditActorOf } from '../audit/audit-actor';
import type { Caller } from '../router';
import type { SettingsService } from './settings-service';

export function createSettingsHandlers({ settings }: { settings: SettingsService }) {
  return {
    'settings.show': async () => {
      await settings.reloadIfChanged();
      return settings.show();
    },
    'settings.preview': (input: ParsedInputOf<'settings.preview'>) => settings.preview(input.changes),
    'settings.save': (input: ParsedInputOf<'settings.save'>, caller: Caller) =>
      settings.save(auditActorOf(caller), input.changes, input.confirmed),
    'settings.testMail': () => settings.testMail(),
  };
}
