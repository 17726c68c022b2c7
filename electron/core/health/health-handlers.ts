import type { HealthService } from './health-service';

export function createHealthHandlers({ health }: { health: HealthService }) {
  return {
    'health.current': () => health.current(),
  };
}
