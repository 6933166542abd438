import { AnyEvent, NewEvent, RecordedEvent } from './envelope';
import { EventContract, SomeEventContracts, Upcaster, schemaVersionOf } from './event-contract';

/** An event recorded at a schema version newer than this code knows: it cannot be read safely. */
export class NewerSchemaVersion extends Error {
  constructor(readonly type: string, readonly recorded: number, readonly known: number) {
    super(`an event of type ${type} was recorded at schema version ${recorded}; this code knows up to ${known}`);
    this.name = 'NewerSchemaVersion';
  }
}

/**
 * The upcasters of every event type, keyed by type and schema version, from the modules' event
 * contracts. `upcast` turns an event as recorded into the shape its type has today (version
 * after version); `stamp` gives an event about to be written its type's current version.
 * The event store wrapper `upcastingEventStore` applies both, so every read for folding and
 * projecting sees today's shapes and nothing else needs to know there were others.
 */
export class UpcasterRegistry {
  private readonly versions = new Map<string, number>();
  private readonly upcasters = new Map<string, ReadonlyMap<number, Upcaster>>();

  private constructor(tables: readonly SomeEventContracts[]) {
    for (const table of tables) {
      for (const [type, contract] of Object.entries(table) as Array<[string, EventContract<AnyEvent>]>) {
        if (this.versions.has(type)) throw new Error(`event type ${type} has two contracts`);
        const version = schemaVersionOf(contract);
        this.versions.set(type, version);
        if (version === 1) continue;
        const steps = new Map<number, Upcaster>();
        for (let from = 1; from < version; from++) {
          const step = contract.upcasters?.[from];
          if (!step) throw new Error(`event type ${type} is at version ${version} but has no upcaster from version ${from}`);
          steps.set(from, step);
        }
        this.upcasters.set(type, steps);
      }
    }
  }

  /** The registry of these contract tables (each type in one table only). */
  static of(...tables: readonly SomeEventContracts[]): UpcasterRegistry {
    return new UpcasterRegistry(tables);
  }

  /** The version a type is written at today (1 for a type no table knows). */
  versionOf(type: string): number {
    return this.versions.get(type) ?? 1;
  }

  /** The event with today's data; itself when recorded at today's version (or of a type no table knows). */
  upcast<E extends RecordedEvent>(event: E): E {
    const steps = this.upcasters.get(event.type);
    const current = this.versionOf(event.type);
    const recorded = event.metadata.schemaVersion ?? 1;
    if (recorded > current && this.versions.has(event.type)) throw new NewerSchemaVersion(event.type, recorded, current);
    if (!steps || recorded >= current) return event;
    let next: RecordedEvent = event;
    for (let version = recorded; version < current; version++) {
      next = { ...next, data: steps.get(version)!(next), metadata: { ...next.metadata, schemaVersion: version + 1 } };
    }
    return next as E;
  }

  /** The event as it is written today: at its type's current version (a type no table knows: as given). */
  stamp<E extends NewEvent>(event: E): E {
    const version = this.versions.get(event.type);
    if (version === undefined || event.metadata.schemaVersion === version) return event;
    return { ...event, metadata: { ...event.metadata, schemaVersion: version } };
  }
}
