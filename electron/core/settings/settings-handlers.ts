import type { ParsedInputOf } from '../../../shared/api/contract';
import type { AuditActor } from '../audit';
import type { Caller } from '../router';
import type { SettingsService } from './settings-service';

const actorOf = (caller: Caller): AuditActor =>
  caller.kind === 'staff' ? { staffId: caller.staffId, name: caller.name } : caller.kind;

export function createSettingsHandlers({ settings }: { settings: SettingsService }) {
  return {
    'settings.show': async () => {
      await settings.reloadIfChanged();
      return settings.show();
    },
    'settings.preview': (input: ParsedInputOf<'settings.preview'>) => settings.preview(input.changes),
    'settings.save': (input: ParsedInputOf<'settings.save'>, caller: Caller) =>
      settings.save(actorOf(caller), input.changes, input.confirmed),
    'settings.testMail': () => settings.testMail(),
  };
}
