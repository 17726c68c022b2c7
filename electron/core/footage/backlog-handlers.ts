import { auditActorOf } from '../audit/audit-actor';
import type { Handlers } from '../router';
import type { FootageService } from './footage-service';

/** The admin's view of a footage backlog held back as too large, and its confirmation. */
export function createFootageBacklogHandlers({
  footage,
}: {
  footage: FootageService;
}): Pick<Handlers, 'footage.backlog' | 'footage.confirmDeletion'> {
  return {
    'footage.backlog': () => footage.backlog(),
    'footage.confirmDeletion': (input, caller) => footage.confirmLargeDeletion(auditActorOf(caller), input.files),
  };
}
