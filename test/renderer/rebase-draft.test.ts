import { describe, expect, it } from 'vitest';
import { rebaseDraft } from '../../renderer/staff/settings/rebase-draft';

describe('rebaseDraft', () => {
  const previous = { host: '', port: '25', tls: 'opportunistic', enabled: false };

  it('shows the settings now in force in every field the admin has not touched', () => {
    const next = { host: 'mail.ploum.nl', port: '587', tls: 'required', enabled: true };
    expect(rebaseDraft({ ...previous }, previous, next)).toEqual(next);
  });

  it('keeps what the admin typed when another save reloads the settings', () => {
    const draft = { ...previous, host: 'typed.example', enabled: true };
    const next = { ...previous, port: '587' };
    expect(rebaseDraft(draft, previous, next)).toEqual({
      host: 'typed.example',
      port: '587',
      tls: 'opportunistic',
      enabled: true,
    });
  });

  it('keeps a field emptied by the admin, and drops keys that are gone', () => {
    const draft = { ...previous, port: '', removed: 'x' };
    expect(rebaseDraft(draft, { ...previous, removed: 'x' }, previous)).toEqual({ ...previous, port: '' });
  });
});
