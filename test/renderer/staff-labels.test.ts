import { describe, expect, it } from 'vitest';
import type { AuditEntry, JobRun } from '../../shared/api/types';
import { auditActorName, describeAuditEntry } from '../../renderer/staff/audit/audit-texts';
import { describeRunCounts, jobName } from '../../renderer/staff/retention/retention-texts';

const entry = (action: string, detail: AuditEntry['detail']): AuditEntry => ({
  id: 1,
  at: 0,
  actor: 'Ada Admin',
  staffId: 1,
  action,
  detail,
});
const names = (id: unknown) => (id === 2 ? 'Rosa Receptie' : `medewerker ${String(id)}`);

describe('the audit log in the screen’s language', () => {
  it('reads staff.pinReset with staffId 2 as a sentence with the staff member’s name', () => {
    const described = describeAuditEntry(entry('staff.pinReset', { staffId: 2 }), 'nl', names);
    expect(described.sentence).toBe('Nieuwe pincode ingesteld voor Rosa Receptie');
    expect(described.details).toBe('medewerker: Rosa Receptie');
    expect(describeAuditEntry(entry('staff.pinReset', { staffId: 2 }), 'en', names).sentence).toBe(
      'New PIN set for Rosa Receptie',
    );
  });

  it('says why the core locked a staff view, and reads one locked by hand as such', () => {
    const sentence = (reason: string, language: 'nl' | 'en') =>
      describeAuditEntry(entry('staff.locked', { reason }), language, names).sentence;
    expect(sentence('pinReset', 'nl')).toBe('Medewerkersscherm vergrendeld: pincode opnieuw ingesteld');
    expect(sentence('deviceRevoked', 'en')).toBe('Staff view locked: device revoked');
    expect(sentence('accountChanged', 'en')).toBe('Staff view locked: account changed or disabled');
    expect(sentence('expired', 'nl')).toBe('Medewerkersscherm vergrendeld na niets doen');
    expect(sentence('manual', 'en')).toBe('Locked the staff view');
  });

  it('finds unlocks and the desk’s registrations by "aanmelden", not the views of a list', () => {
    const searchable = (action: string) => describeAuditEntry(entry(action, {}), 'nl', names).searchable;
    expect(searchable('staff.signedIn')).toContain('aanmelden');
    expect(searchable('visits.registered')).toContain('aanmelden');
    expect(searchable('visits.viewed.today')).not.toContain('aanmelden');
  });

  it('names the actors that are not a person', () => {
    expect(auditActorName('system', 'nl')).toBe('systeem (planning)');
    expect(auditActorName('Ada Admin', 'nl')).toBe('Ada Admin');
  });

  it('shows an action it does not know as stored, without inventing a sentence', () => {
    expect(describeAuditEntry(entry('future.thing', { count: 3 }), 'nl', names)).toMatchObject({
      sentence: 'future.thing',
      details: 'aantal: 3',
    });
  });

  it('says the kiosk was off past a deadline, and its acknowledgement, in both languages', () => {
    const gap = entry('health.offlinePastDeadline', { visits: 2, files: 1 });
    expect(describeAuditEntry(gap, 'nl', names).sentence).toBe(
      'Kiosk stond uit over een termijn heen (bezoeken: 2, bestanden: 1)',
    );
    expect(describeAuditEntry(gap, 'en', names).sentence).toBe('Kiosk was off past a deadline (visits: 2, files: 1)');
    const read = entry('health.offlineAcknowledged', {});
    expect(describeAuditEntry(read, 'en', names).sentence).toBe('Read and removed the "kiosk was off" message');
    expect(describeAuditEntry(read, 'nl', names).sentence).toBe('Bericht "kiosk stond uit" gelezen en weggehaald');
  });
});

describe('job runs in the screen’s language', () => {
  const run = (job: string, counts: Record<string, number>): JobRun =>
    ({ id: 1, job, startedAt: 0, finishedAt: 0, outcome: 'ok', counts, reason: null }) as unknown as JobRun;

  it('names every job the scheduler runs and every count in Dutch', () => {
    for (const job of ['visitPurge', 'automaticSignOut', 'footageScan', 'footagePurge', 'invitationPurge']) {
      expect(jobName(job, 'nl')).not.toBe(job);
    }
    expect(describeRunCounts(run('footageScan', { foldersRead: 4, added: 2, unreadable: 0 }), 'nl')).toBe(
      'mappen gelezen: 4, toegevoegd: 2, onleesbaar: 0',
    );
    expect(describeRunCounts(run('visitPurge', { due: 1, erased: 1 }), 'nl')).toBe('aan de beurt: 1, gewist: 1');
    expect(describeRunCounts(run('footagePurge', { due: 3, held: 1 }), 'en')).toBe('due: 3, held: 1');
  });
});
