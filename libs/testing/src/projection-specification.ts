import { AnyEvent, RecordedEvent } from '@app/kernel';
import { Document, Projection, StoredDocument, evolveTouched, touchesOf } from '@app/read-store';

/** The documents a projection wrote, by id (a deleted one is absent). */
export class ProjectedDocuments<D extends Document> {
  constructor(readonly byId: Readonly<Record<string, D>>) {}

  /** The document of an id; fails the test when there is none. */
  get(id: string): D {
    const doc = this.byId[id];
    if (!doc) throw new Error(`no document ${id}; the projection wrote ${Object.keys(this.byId).join(', ') || 'none'}`);
    return doc;
  }

  has(id: string): boolean {
    return id in this.byId;
  }

  /** Every document, by id. */
  all(): D[] {
    return Object.values(this.byId);
  }

  /** The documents that pass a test, by id. */
  where(test: (doc: D) => boolean): D[] {
    return this.all().filter(test);
  }
}

/**
 * A read store of one projection's collection, with the runner's two guards: the checkpoint
 * (events at or behind it are not read) and each document's position (an event at or behind
 * the one that last wrote the document is skipped).
 */
class SpecStore {
  private checkpoint = 0;
  private readonly docs = new Map<string, StoredDocument>();

  constructor(private readonly projection: Projection) {}

  /** One batch, as the runner applies it: the documents it touches loaded once, written with the checkpoint. */
  apply(events: readonly RecordedEvent[]): this {
    const { touches, last } = touchesOf(this.projection, this.checkpoint, events);
    if (last === null) return this;
    const stored = new Map<string, StoredDocument>();
    for (const { id } of touches) {
      const known = this.docs.get(id);
      if (known) stored.set(id, known);
    }
    for (const write of evolveTouched(this.projection, touches, stored)) {
      if (write.op === 'put') this.docs.set(write.doc.id, { doc: write.doc, position: write.position });
      else this.docs.set(write.id, { doc: null, position: write.position });
    }
    this.checkpoint = last;
    return this;
  }

  /** As after a crash between writing a batch's documents and its checkpoint: the batch is read again. */
  loseCheckpoint(): this {
    this.checkpoint = 0;
    return this;
  }

  /**
   * As a store that kept the documents but not the positions they were written at: the
   * runner's position guard lets every replayed event through, and only the projection's own
   * guard (a revision, an entry already there) keeps a replay from changing a document.
   */
  losePositions(): this {
    for (const [id, stored] of this.docs) this.docs.set(id, { doc: stored.doc, position: 0 });
    return this;
  }

  documents(): Record<string, Document> {
    const out: Record<string, Document> = {};
    for (const id of [...this.docs.keys()].sort()) {
      const doc = this.docs.get(id)!.doc;
      if (doc) out[id] = doc;
    }
    return out;
  }
}

const inBatchesOf = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Given/then for projections, through what the runner does: `handles` (an event of a type the
 * projection does not handle never reaches it, and the spec fails when it is given one),
 * `documentId`, the checkpoint and the position guard. `then` sees the documents of the events applied in one batch; before it, every other
 * way the runner may meet the same log must come to the same documents:
 * - in batches of one, two and three events;
 * - the whole log read again after a lost checkpoint, with the documents' positions kept (the
 *   runner's guard) and with them lost (the projection's own guard);
 * - every stale prefix of the log (its first k events) delivered again after all of it, with
 *   the positions lost: a projection without a replay guard of its own fails here.
 *
 *     ProjectionSpecification.for(institutionListProjection).given(events).then((docs) => {
 *       expect(docs.get(id)).toMatchObject({ status: 'closed' });
 *     });
 */
export const ProjectionSpecification = {
  for<D extends Document, E extends AnyEvent>(projection: Projection<D, E>) {
    // The runner holds every projection as a plain one; so does the harness.
    const plain: Projection = projection;
    return {
      given(events: ReadonlyArray<RecordedEvent<E>>) {
        const log: readonly RecordedEvent[] = events;
        const run = (): Record<string, D> => {
          // The events are typed as the projection's: one it does not handle means its handles
          // lost a type its contracts have (the runner would pass over every such event).
          const handled = new Set<string>(plain.handles);
          expect({ notHandled: [...new Set(log.map((e) => e.type))].filter((type) => !handled.has(type)) }).toEqual({ notHandled: [] });
          const reference = new SpecStore(plain).apply(log).documents();
          const same = (variant: string, docs: Record<string, Document>) => expect({ variant, docs }).toEqual({ variant, docs: reference });
          for (const size of [1, 2, 3]) {
            const store = new SpecStore(plain);
            for (const batch of inBatchesOf(log, size)) store.apply(batch);
            same(`in batches of ${size}`, store.documents());
          }
          same('the whole log again, positions kept', new SpecStore(plain).apply(log).loseCheckpoint().apply(log).documents());
          same('the whole log again, positions lost', new SpecStore(plain).apply(log).loseCheckpoint().losePositions().apply(log).documents());
          for (let k = 1; k < log.length; k++) {
            const store = new SpecStore(plain).apply(log).loseCheckpoint().losePositions().apply(log.slice(0, k));
            same(`the first ${k} events again`, store.documents());
          }
          return reference as Record<string, D>;
        };
        return {
          /** Checks the documents (after the replays above agreed on them). */
          then(check: (docs: ProjectedDocuments<D>) => void): void {
            check(new ProjectedDocuments(run()));
          },
        };
      },
    };
  },
};
