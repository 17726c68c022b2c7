import { createRequire } from 'node:module';

type NodeCron = typeof import('node-cron');

let loaded: NodeCron | undefined;

/**
 * node-cron, loaded the first time a schedule is computed or started, not with the core: it brings
 * child_process, net and streams along, a good part of a CLI command's start-up. Synchronous (its
 * CommonJS build), as its callers are; one copy of the package for the scheduler and the schedule
 * arithmetic alike.
 */
export function nodeCron(): NodeCron {
  loaded ??= createRequire(import.meta.url)('node-cron') as NodeCron;
  return loaded;
}
