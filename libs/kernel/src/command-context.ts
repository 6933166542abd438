import { Actor, EventMetadata, EventSource } from './envelope';

/** Who asks, for which department, why and from where: what every command carries. */
export interface CommandContext {
  actor: Actor;
  department: string;
  commandId: string;
  correlationId: string;
  causationId?: string;
  idempotencyKey?: string;
  /** The revision the caller last read (If-Match), for the commands that compare it. */
  ifMatch?: number;
  reason?: string;
  /**
   * For a network head: the networks its key names, which bound what it may change where the
   * route cannot tell (an event's networks are in its body or its stream). Never recorded.
   */
  networkIds?: readonly string[];
  source: EventSource;
  /** When the command was received; becomes `recordedAt`. */
  receivedAt: Date;
}

export const SCHEMA_VERSION = 1;

/** The envelope metadata of events recorded for a command. */
export const metadataFor = (context: CommandContext, extra: { effectiveAt?: string; reason?: string } = {}): EventMetadata => {
  const reason = extra.reason ?? context.reason;
  const effectiveAt = extra.effectiveAt;
  return {
    actor: context.actor,
    department: context.department,
    correlationId: context.correlationId,
    causationId: context.causationId ?? context.commandId,
    commandId: context.commandId,
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
    ...(reason ? { reason } : {}),
    source: context.source,
    recordedAt: context.receivedAt.toISOString(),
    ...(effectiveAt ? { effectiveAt } : {}),
    schemaVersion: SCHEMA_VERSION,
  };
};
