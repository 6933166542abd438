import { Inject, Injectable } from '@nestjs/common';
import { READ_STORE, ReadModelReader, ReadStore, readModelsFor } from '@app/read-store';
import { ProjectionsService } from './projections.service';

/**
 * How query handlers read: `for(query, consistentWith)` waits for exactly the read models the
 * query's class declares (`static reads`), then gives a reader of those only. A query handler
 * takes this instead of the read store, so it cannot read what it did not wait for.
 */
@Injectable()
export class ReadModels {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly projections: ProjectionsService,
  ) {}

  /** The declared read models of the query, once they have reached `consistentWith` (503 when they do not in time). */
  for(query: object, consistentWith: number | undefined): Promise<ReadModelReader> {
    return readModelsFor(this.store, (position, names) => this.projections.waitFor(position, names), query, consistentWith);
  }
}
