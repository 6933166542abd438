import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { ReadModels } from '@app/platform';
import { HistoryEntry, InstitutionHistoryView, institutionHistoryProjection } from './institution-history.projection';
import { GetInstitutionHistoryQuery } from './get-institution-history.query';

export interface InstitutionHistory {
  institutionId: string;
  entries: HistoryEntry[];
}

@QueryHandler(GetInstitutionHistoryQuery)
export class GetInstitutionHistoryHandler implements IQueryHandler<GetInstitutionHistoryQuery, InstitutionHistory> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: GetInstitutionHistoryQuery): Promise<InstitutionHistory> {
    const { department, institutionId } = query;
    const read = await this.readModels.for(query, query.consistentWith);
    const doc = await read.get<InstitutionHistoryView>(institutionHistoryProjection, institutionId);
    if (!doc || doc.department !== department) throw new NotFound('institution', institutionId);
    return { institutionId, entries: doc.entries };
  }
}
