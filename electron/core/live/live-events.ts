/** What a desk is told, without any personal data: it loads what changed through the API. */
export type LiveEvent = { type: 'visits' } | { type: 'arrival' };

/** Sign-ins and sign-outs, for the console's live connections. */
export function createLiveEvents() {
  const listeners = new Set<(event: LiveEvent) => void>();
  return {
    emit(event: LiveEvent) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener: (event: LiveEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type LiveEvents = ReturnType<typeof createLiveEvents>;

/** Channels whose success changes who is on site: the desks' lists load again. */
export const VISIT_CHANGING_CHANNELS: ReadonlySet<string> = new Set([
  'visits.signIn',
  'visits.signOut',
  'visits.register',
  'visits.signOutById',
  'visits.undoStaffSignOut',
  'invitations.signIn',
  'privacy.eraseVisits',
  'privacy.correctVisit',
]);
