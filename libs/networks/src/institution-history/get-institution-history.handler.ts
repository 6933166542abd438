import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { ProjectionsService } from '@app/platform/projections.service';
import { READ_STORE, ReadStore } from '@app/read-store/read-store.port';
import { HistoryEntry, INSTITUTION_HISTORY, InstitutionHistoryView, institutionHistoryProjection } from './institution-history.projection';
import { GetInstitutionHistoryQuery } from './get-institution-history.query';

export interface InstitutionHistory {
  institutionId: string;
  entries: HistoryEntry[];
}

@QueryHandler(GetInstitutionHistoryQuery)
export class GetInstitutionHistoryHandler implements IQueryHandler<GetInstitutionHistoryQuery, InstitutionHistory> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ department, institutionId, consistentWith }: GetInstitutionHistoryQuery): Promise<InstitutionHistory> {
    if (consistentWith !== undefined) await this.projections.waitFor(consistentWith, [institutionHistoryProjection.name]);
    const doc = (await this.readStore.get(INSTITUTION_HISTORY, institutionId)) as InstitutionHistoryView | null;
    if (!doc || doc.department !== department) throw new NotFound('institution', institutionId);
    return { institutionId, entries: doc.entries };
  }
}
