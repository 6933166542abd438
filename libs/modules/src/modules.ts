import type { Type } from '@nestjs/common';
import type { SomeEventContracts } from '@app/kernel';
import { events } from '@app/events';
import { identity } from '@app/identity';
import { networks } from '@app/networks';
import { planning } from '@app/planning';
import { reporting } from '@app/reporting';
import type { Projection, Reactor } from '@app/read-store';

/**
 * A module of okrug as the apps compose it: its Nest module and the processors it needs on the
 * feed. Each module's index exports its entry (`export const networks = { ... }`); it does not
 * import this type, since nothing below the apps imports the registry: the list below checks it.
 */
export interface OkrugModule {
  /** The library's name (`libs/<name>`). */
  name: string;
  /** What the HTTP API imports: controllers, command and query handlers. */
  nestModule: Type<unknown>;
  /**
   * What a worker imports to take the module's jobs off the queue (reporting: the reports'
   * jobs, their generators and the queries these read); the API imports `nestModule`, which
   * holds it. Absent for a module without jobs.
   */
  jobsModule?: Type<unknown>;
  /** Read models it keeps; every process that keeps read models runs them all. */
  projections: readonly Projection[];
  /** Reactors it needs; they run where the projections run. */
  reactors: readonly Reactor[];
  /** The contracts of the events it records: the event store upcasts what it reads by them. */
  eventContracts: readonly SomeEventContracts[];
}

/**
 * Every module of the installation, in one list: the API, the worker and the CLI compose from
 * it, so a module, a read model or a reactor is added in one place. The order is the order of
 * status and health listings.
 */
export const okrugModules: readonly OkrugModule[] = [identity, networks, events, planning, reporting];

/** The Nest modules a worker imports to take the queue's jobs. */
export const allJobsModules: readonly Type<unknown>[] = okrugModules.flatMap((module) => (module.jobsModule ? [module.jobsModule] : []));

/** Every projection of every module: the runner keeps a checkpoint for each. */
export const allProjections: readonly Projection[] = okrugModules.flatMap((module) => module.projections);

/** Every reactor of every module. */
export const allReactors: readonly Reactor[] = okrugModules.flatMap((module) => module.reactors);

/** The event contracts of every module: the event store upcasts what it reads by them. */
export const allEventContracts: readonly SomeEventContracts[] = okrugModules.flatMap((module) => module.eventContracts);
