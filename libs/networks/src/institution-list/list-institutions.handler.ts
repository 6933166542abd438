import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { ProjectionsService } from '@app/platform/projections.service';
import { READ_STORE, FindQuery, ReadStore, Where } from '@app/read-store/read-store.port';
import { ReadPage, readPage } from '@app/read-store/read-page';
import { INSTITUTIONS, InstitutionView, institutionListProjection } from './institution-list.projection';
import { GetInstitutionQuery, ListInstitutionsQuery, ListInstitutionsQueryDto } from './list-institutions.query';

export type InstitutionPage = ReadPage<InstitutionView>;

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
export const presentInstitution = ({ search: _search, ...view }: InstitutionView): Omit<InstitutionView, 'search'> => view;

@QueryHandler(ListInstitutionsQuery)
export class ListInstitutionsHandler implements IQueryHandler<ListInstitutionsQuery, InstitutionPage> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ department, filter }: ListInstitutionsQuery): Promise<InstitutionPage> {
    if (filter.consistentWith !== undefined) await this.projections.waitFor(filter.consistentWith, [institutionListProjection.name]);
    const page = await readPage<InstitutionView>(this.readStore, INSTITUTIONS, institutionListQuery(department, filter));
    return { ...page, items: page.items.map(presentInstitution) as InstitutionView[] };
  }
}

@QueryHandler(GetInstitutionQuery)
export class GetInstitutionHandler implements IQueryHandler<GetInstitutionQuery, InstitutionView> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ department, institutionId, consistentWith }: GetInstitutionQuery): Promise<InstitutionView> {
    if (consistentWith !== undefined) await this.projections.waitFor(consistentWith, [institutionListProjection.name]);
    const doc = (await this.readStore.get(INSTITUTIONS, institutionId)) as InstitutionView | null;
    if (!doc || doc.department !== department) throw new NotFound('institution', institutionId);
    return presentInstitution(doc) as InstitutionView;
  }
}
