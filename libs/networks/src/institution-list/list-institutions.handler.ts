import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { ReadModels } from '@app/platform';
import { FindQuery, Where } from '@app/read-store';
import { InstitutionView, institutionListProjection } from './institution-list.projection';
import { GetInstitutionQuery, Institution, InstitutionPage, ListInstitutionsQuery, ListInstitutionsQueryDto } from './list-institutions.query';

/** The read-store query of a list request; the projection's indexes are made for these. */
export const institutionListQuery = (department: string, filter: ListInstitutionsQueryDto): FindQuery & { offset: number; limit: number } => {
  const where: Where = { department };
  if (filter.kind) where.kind = filter.kind;
  if (filter.status) where.status = filter.status;
  if (filter.settlement) where.settlement = filter.settlement;
  if (filter.q?.trim()) where.search = { words: filter.q };
  return {
    where,
    sort: [
      { field: 'shortName', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ],
    offset: filter.offset ?? 0,
    limit: filter.limit ?? 50,
  };
};

/** What a reader gets: the view without its search helper field. */
export const presentInstitution = ({ search: _search, ...view }: InstitutionView): Institution => view;

@QueryHandler(ListInstitutionsQuery)
export class ListInstitutionsHandler implements IQueryHandler<ListInstitutionsQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: ListInstitutionsQuery): Promise<InstitutionPage> {
    const read = await this.readModels.for(query, query.filter.consistentWith);
    const page = await read.page<InstitutionView>(institutionListProjection, institutionListQuery(query.department, query.filter));
    return { ...page, items: page.items.map(presentInstitution) };
  }
}

@QueryHandler(GetInstitutionQuery)
export class GetInstitutionHandler implements IQueryHandler<GetInstitutionQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: GetInstitutionQuery): Promise<Institution> {
    const read = await this.readModels.for(query, query.consistentWith);
    const doc = await read.get<InstitutionView>(institutionListProjection, query.institutionId);
    if (!doc || doc.department !== query.department) throw new NotFound('institution', query.institutionId);
    return presentInstitution(doc);
  }
}
