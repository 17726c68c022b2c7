import type { ApiError } from '../../shared/result';

/** An expected failure a user caused and can fix; the router returns it as a typed error, not a crash. */
export class UserError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.key);
  }
}
