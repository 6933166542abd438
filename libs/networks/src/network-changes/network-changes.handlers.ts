import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AcademicYearStart, DEFAULT_YEAR_START, InvalidInput, academicYearOf, parseAcademicYear } from '@app/kernel';
import { ProjectionsService } from '@app/platform/projections.service';
import { FindQuery, READ_STORE, ReadStore } from '@app/read-store/read-store.port';
import { loadNetwork } from '../network-list/network-list.handlers';
import { InstitutionNames } from '../network-list/institution-names';
import { GetChangesQuery, GetTimelineQuery, PeriodQueryDto } from '../network-list/network-queries';
import { PersonNames } from '../network-list/network-person-names';
import { NETWORK_TIMELINE, TimelineEntryView, networkTimelineProjection, timelineEntryOf } from '../network-timeline/network-timeline.projection';
import { changesIn } from './changes';
import { DepartmentCalendar } from '../department-calendar/department-calendar.service';

/** The period a request names: `period=2019/2020`, or `from` and `to`, or the current academic year. */
export const resolvePeriod = (
  query: PeriodQueryDto,
  today: string,
  start: AcademicYearStart = DEFAULT_YEAR_START,
): { label: string | null; from: string; to: string } => {
  if (query.period && (query.from || query.to)) {
    throw new InvalidInput('give either period or from and to', [{ field: 'period', messages: ['period cannot be combined with from/to'] }]);
  }
  if (query.period) {
    const year = parseAcademicYear(query.period, start);
    if (!year) throw new InvalidInput('the period is invalid', [{ field: 'period', messages: ['period must be two consecutive years, like 2019/2020'] }]);
    return { label: year.label, from: year.from, to: year.to };
  }
  if (query.from || query.to) {
    if (!query.from || !query.to) {
      throw new InvalidInput('a period needs both ends', [{ field: query.from ? 'to' : 'from', messages: ['from and to go together'] }]);
    }
    if (query.from > query.to) throw new InvalidInput('the period is reversed', [{ field: 'to', messages: ['to must not be before from'] }]);
    return { label: null, from: query.from, to: query.to };
  }
  const year = academicYearOf(today, start);
  return { label: year.label, from: year.from, to: year.to };
};

/** The timeline entries of a network whose composition changes take effect in a period, by index. */
export const changesQuery = (networkId: string, from: string, to: string, limit?: number): FindQuery => ({
  where: { networkId, changeOn: { gte: from, lte: to } },
  sort: [
    { field: 'changeOn', direction: 'asc' },
    { field: 'position', direction: 'asc' },
    { field: 'id', direction: 'asc' },
  ],
  limit,
});

/** The default and the largest page of changes. */
export const CHANGES_PAGE = 1000;

/** The default and the largest page of a timeline. */
export const TIMELINE_PAGE = { default: 500, max: 1000 } as const;

/** A page of a network's timeline in log order: the entries after a position, by index. */
export const timelineQuery = (networkId: string, after: number | undefined, limit: number): FindQuery => ({
  where: after === undefined ? { networkId } : { networkId, position: { gt: after } },
  sort: [
    { field: 'position', direction: 'asc' },
    { field: 'id', direction: 'asc' },
  ],
  limit,
});

@QueryHandler(GetChangesQuery)
export class GetChangesHandler implements IQueryHandler<GetChangesQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projections: ProjectionsService,
    private readonly institutions: InstitutionNames,
    private readonly calendar: DepartmentCalendar,
  ) {}

  async execute({ department, networkId, period, today }: GetChangesQuery) {
    const range = resolvePeriod(period, today, await this.calendar.yearStart(department));
    if (period.consistentWith !== undefined) await this.projections.waitFor(period.consistentWith, [networkTimelineProjection.name]);
    const network = await loadNetwork(this.readStore, department, networkId);
    const offset = period.offset ?? 0;
    const limit = period.limit ?? CHANGES_PAGE;
    // Every entry read makes at least one change, so offset + limit + 1 entries hold the page
    // and tell whether more follow.
    const entries = (await this.readStore.find(NETWORK_TIMELINE, changesQuery(networkId, range.from, range.to, offset + limit + 1))) as TimelineEntryView[];
    const all = changesIn(entries, networkId, range.from, range.to);
    const changes = all.slice(offset, offset + limit);
    const names = await this.institutions.of(department, changes.map((c) => c.institutionId));
    return {
      network: { id: network.id, name: network.name },
      period: range,
      changes: changes.map((c) => ({ ...c, shortName: names.get(c.institutionId)?.shortName ?? null })),
      offset,
      limit,
      more: all.length > offset + limit,
    };
  }
}

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projections: ProjectionsService,
    private readonly people: PersonNames,
  ) {}

  async execute({ department, networkId, consistentWith, after, limit = TIMELINE_PAGE.default }: GetTimelineQuery) {
    if (consistentWith !== undefined) await this.projections.waitFor(consistentWith, [networkTimelineProjection.name]);
    await loadNetwork(this.readStore, department, networkId);
    // One more than the page tells whether another page follows.
    const found = (await this.readStore.find(NETWORK_TIMELINE, timelineQuery(networkId, after, limit + 1))) as TimelineEntryView[];
    const entries = found.slice(0, limit).map(timelineEntryOf);
    const next = found.length > limit ? entries[entries.length - 1].position : null;
    const people = await this.people.of(
      department,
      entries.filter((e) => e.type === 'HeadAppointed').map((e) => (e.data as { personId: string }).personId),
    );
    return {
      networkId,
      entries: entries.map((e) => (e.type === 'HeadAppointed' ? { ...e, person: people.get((e.data as { personId: string }).personId) } : e)),
      next,
    };
  }
}
