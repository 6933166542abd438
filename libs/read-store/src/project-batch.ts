import { RecordedEvent } from '@app/kernel';
import { Projection } from './projection';
import { Document, DocumentWrite, StoredDocument } from './read-store.port';

/** An event of a batch with one document it touches. */
export interface Touch {
  event: RecordedEvent;
  id: string;
}

/**
 * What a projection reads of one batch of the log: the events after its checkpoint whose type
 * it handles, each with every document `documentId` names (none: the event is passed over).
 * `last` is the position of the batch's last event after the checkpoint (the next checkpoint),
 * null when the whole batch is at or behind it.
 */
export const touchesOf = (projection: Projection, checkpoint: number, events: readonly RecordedEvent[]): { touches: Touch[]; last: number | null } => {
  const handles = new Set<string>(projection.handles);
  const touches: Touch[] = [];
  let last: number | null = null;
  for (const event of events) {
    if (event.position <= checkpoint) continue;
    last = event.position;
    if (!handles.has(event.type)) continue;
    const touched = projection.documentId(event);
    if (touched === null || touched === undefined) continue;
    for (const id of typeof touched === 'string' ? [touched] : touched) touches.push({ event, id });
  }
  return { touches, last };
};

/**
 * Evolves the documents a batch touches from what the read store holds (each loaded once, then
 * carried through the batch's events in order) and returns the writes: a put or a delete per
 * changed document, at the position of the last event that changed it. An event that a stored
 * document already reflects (at or behind the position it was written at: a batch cut short
 * and read again) is skipped, so applying a batch twice writes what applying it once did.
 */
export const evolveTouched = (
  projection: Projection,
  touches: readonly Touch[],
  stored: ReadonlyMap<string, StoredDocument>,
): DocumentWrite[] => {
  const cache = new Map<string, { doc: Document | null; since: number; existed: boolean; changedAt: number }>();
  for (const { id } of touches) {
    if (cache.has(id)) continue;
    const known = stored.get(id);
    cache.set(id, { doc: known?.doc ?? null, since: known?.position ?? 0, existed: !!known?.doc, changedAt: 0 });
  }
  for (const { event, id } of touches) {
    const entry = cache.get(id)!;
    if (event.position <= entry.since) continue;
    const next = projection.evolve(entry.doc, event, id);
    if (next !== null && next.id !== id) {
      throw new Error(`projection ${projection.name} returned document ${String(next.id)} for ${id} (event ${event.position})`);
    }
    entry.doc = next;
    entry.changedAt = event.position;
  }
  const writes: DocumentWrite[] = [];
  for (const [id, entry] of cache) {
    if (entry.changedAt === 0) continue;
    if (entry.doc) writes.push({ op: 'put', collection: projection.collection, doc: entry.doc, position: entry.changedAt });
    else if (entry.existed || entry.since > 0) writes.push({ op: 'delete', collection: projection.collection, id, position: entry.changedAt });
  }
  return writes;
};
