import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { ReadModels } from '@app/platform';
import { InstitutionHistoryView, institutionHistoryProjection } from './institution-history.projection';
import { GetInstitutionHistoryQuery, InstitutionHistory } from './get-institution-history.query';

@QueryHandler(GetInstitutionHistoryQuery)
export class GetInstitutionHistoryHandler implements IQueryHandler<GetInstitutionHistoryQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: GetInstitutionHistoryQuery): Promise<InstitutionHistory> {
    const { department, institutionId } = query;
    const read = await this.readModels.for(query, query.consistentWith);
    const doc = await read.get<InstitutionHistoryView>(institutionHistoryProjection, institutionId);
    if (!doc || doc.department !== department) throw new NotFound('institution', institutionId);
    return { institutionId, entries: doc.entries };
  }
}
