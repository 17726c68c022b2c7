import { describe, expect, it } from 'vitest';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';

describe('two active staff accounts with one name', () => {
  it('refuses a second active account with the same name (case and spaces aside), and allows it once the first is disabled', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-26T09:00:00Z') });
    const first = await kiosk.router.invoke(
      'staff.add',
      { name: 'Rosa Receptie', role: 'receptionist', pin: '731942' },
      callers.admin,
    );
    expect(first.ok).toBe(true);
    const second = await kiosk.router.invoke(
      'staff.add',
      { name: '  rosa   receptie ', role: 'security', pin: '864205' },
      callers.admin,
    );
    expect(second).toEqual({ ok: false, error: expect.objectContaining({ key: 'staff.nameTaken' }) });
    expect((await kiosk.staff.list()).filter((account) => /rosa/i.test(account.name))).toHaveLength(1);

    if (!first.ok) throw new Error('unreachable');
    await kiosk.router.invoke('staff.setDisabled', { staffId: first.value.id, disabled: true }, callers.admin);
    const again = await kiosk.router.invoke(
      'staff.add',
      { name: 'Rosa Receptie', role: 'receptionist', pin: '864205' },
      callers.admin,
    );
    expect(again.ok).toBe(true);
    // Enabling the old account again would make two active accounts with one name.
    const enabled = await kiosk.router.invoke(
      'staff.setDisabled',
      { staffId: first.value.id, disabled: false },
      callers.admin,
    );
    expect(enabled).toEqual({ ok: false, error: expect.objectContaining({ key: 'staff.nameTaken' }) });
  });
});

describe('undoing a sign-out made at the desk', () => {
  async function signedOutByStaff() {
    const clock = manualClock('2026-11-26T09:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    const signIn = await kiosk.router.invoke('visits.signIn', visitor(), callers.kiosk);
    if (!signIn.ok) throw new Error('sign-in failed');
    const visit = (await kiosk.visits.onSite()).visits[0]!;
    clock.advance(60_000);
    const out = await kiosk.router.invoke('visits.signOutById', { visitId: visit.id }, callers.receptionist);
    expect(out.ok).toBe(true);
    return { kiosk, clock, visitId: visit.id, code: signIn.value.signOutCode };
  }

  it('puts the visitor back on the evacuation list within 10 seconds, with their own code, and audits it', async () => {
    const { kiosk, clock, visitId, code } = await signedOutByStaff();
    clock.advance(9_000);
    const undone = await kiosk.router.invoke('visits.undoStaffSignOut', { visitId }, callers.receptionist);
    expect(undone).toEqual({ ok: true, value: expect.objectContaining({ id: visitId, signedOutAt: null }) });
    expect((await kiosk.visits.onSite()).visits.map((visit) => visit.id)).toEqual([visitId]);
    const actions = (await kiosk.audit.list()).map((entry) => [entry.action, entry.detail]);
    expect(actions).toContainEqual(['visits.staffSignOutUndone', { visitId }]);
    // The visitor's own code works again at the kiosk.
    const selfOut = await kiosk.router.invoke('visits.signOut', { code }, callers.kiosk);
    expect(selfOut.ok).toBe(true);
  });

  it('refuses after 10 seconds, and changes nothing', async () => {
    const { kiosk, clock, visitId } = await signedOutByStaff();
    clock.advance(10_001);
    const undone = await kiosk.router.invoke('visits.undoStaffSignOut', { visitId }, callers.receptionist);
    expect(undone).toEqual({ ok: false, error: expect.objectContaining({ key: 'visit.undoExpired' }) });
    expect((await kiosk.visits.onSite()).visits).toEqual([]);
  });

  it('refuses a visit the visitor signed out themselves, or an unknown one', async () => {
    const clock = manualClock('2026-11-26T09:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    const signIn = await kiosk.router.invoke('visits.signIn', visitor(), callers.kiosk);
    if (!signIn.ok) throw new Error('sign-in failed');
    await kiosk.router.invoke('visits.signOut', { code: signIn.value.signOutCode }, callers.kiosk);
    const visit = (await kiosk.visits.today()).visits[0]!;
    const own = await kiosk.router.invoke('visits.undoStaffSignOut', { visitId: visit.id }, callers.receptionist);
    expect(own).toEqual({ ok: false, error: expect.objectContaining({ key: 'visit.undoExpired' }) });
    const unknown = await kiosk.router.invoke('visits.undoStaffSignOut', { visitId: 999 }, callers.receptionist);
    expect(unknown).toEqual({ ok: false, error: expect.objectContaining({ key: 'visit.unknown' }) });
    expect((await kiosk.visits.onSite()).visits).toEqual([]);
  });
});
