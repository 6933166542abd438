import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { ProjectionsService } from '@app/platform/projections.service';
import { READ_STORE, ReadStore, Where } from '@app/read-store/read-store.port';
import { INSTITUTIONS, InstitutionView, institutionListProjection } from './institution-list.projection';
import { GetInstitutionQuery, ListInstitutionsQuery } from './list-institutions.query';

export interface InstitutionPage {
  items: InstitutionView[];
  total: number;
  offset: number;
  limit: number;
}

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
    const where: Where = { department };
    if (filter.kind) where.kind = filter.kind;
    if (filter.status) where.status = filter.status;
    if (filter.settlement) where.settlement = filter.settlement;
    if (filter.q?.trim()) where.search = { contains: filter.q.trim() };
    const offset = filter.offset ?? 0;
    const limit = filter.limit ?? 50;
    const [items, total] = await Promise.all([
      this.readStore.find(INSTITUTIONS, {
        where,
        sort: [
          { field: 'shortName', direction: 'asc' },
          { field: 'id', direction: 'asc' },
        ],
        offset,
        limit,
      }),
      this.readStore.count(INSTITUTIONS, where),
    ]);
    return { items: (items as InstitutionView[]).map(presentInstitution) as InstitutionView[], total, offset, limit };
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
