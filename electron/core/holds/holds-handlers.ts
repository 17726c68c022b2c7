import { auditActorOf } from '../audit/audit-actor';
import type { Handlers } from '../router';
import type { HoldsService } from './holds-service';

export function createHoldsHandlers({
  holds,
}: {
  holds: HoldsService;
}): Pick<Handlers, Extract<keyof Handlers, `holds.${string}`>> {
  return {
    'holds.list': () => holds.listActive(),
    'holds.placeOnVisit': (input, caller) =>
      holds.placeOnVisit(auditActorOf(caller), input.visitId, input.reason, input.endsAt, input),
    'holds.extendReview': (input, caller) => holds.extendReview(auditActorOf(caller), input.holdId, input.reviewAt),
    'holds.release': (input, caller) => holds.release(auditActorOf(caller), input.holdId),
    'holds.placeOnFootage': (input, caller) =>
      holds.placeOnFootage(
        auditActorOf(caller),
        input.path !== undefined ? { path: input.path } : { camera: input.camera!, from: input.from!, to: input.to! },
        input.reason,
        input.endsAt,
        input,
        { refuseIfHeld: true },
      ),
  };
}
