import { Injectable } from '@nestjs/common';

/** A part of the installation a module owns (the reporting module's artifact store), asked by `GET /health` beside the platform's stores. */
export interface HealthPart {
  /** The name health answers it under (`artifacts`). */
  name: string;
  /** Answers what it is (`{ kind }`), or throws when it cannot be reached. */
  ping(): Promise<Record<string, unknown>>;
}

/**
 * The parts modules register for health (the platform's own stores it knows itself): a module
 * that opens a store of its own registers it when it starts, so an operator sees it down in
 * `GET /health` (503) as the event store or the queue.
 */
@Injectable()
export class HealthParts {
  private readonly parts = new Map<string, HealthPart>();

  register(part: HealthPart): void {
    if (this.parts.has(part.name)) throw new Error(`a health part named ${part.name} is registered already`);
    this.parts.set(part.name, part);
  }

  list(): readonly HealthPart[] {
    return [...this.parts.values()];
  }
}
