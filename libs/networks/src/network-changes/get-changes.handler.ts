import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AcademicYearStart, DEFAULT_YEAR_START, InvalidInput, academicYearOf, parseAcademicYear } from '@app/kernel';
import { ReadModels } from '@app/platform';
import { FindQuery } from '@app/read-store';
import { DepartmentCalendar } from '../department-calendar/department-calendar.service';
import { institutionNames } from '../institution-list/institution-names';
import { loadNetwork } from '../network-list/network-list.handlers';
import { TimelineEntryView, networkTimelineProjection } from '../network-timeline/network-timeline.projection';
import { changesIn } from './changes';
import { GetChangesQuery, NetworkChanges, PeriodQueryDto } from './get-changes.query';

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

@QueryHandler(GetChangesQuery)
export class GetChangesHandler implements IQueryHandler<GetChangesQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly calendar: DepartmentCalendar,
  ) {}

  async execute(query: GetChangesQuery): Promise<NetworkChanges> {
    const { department, networkId, period, today } = query;
    const range = resolvePeriod(period, today, await this.calendar.yearStart(department));
    const read = await this.readModels.for(query, period.consistentWith);
    const network = await loadNetwork(read, department, networkId);
    const offset = period.offset ?? 0;
    const limit = period.limit ?? CHANGES_PAGE;
    // Every entry read makes at least one change, so offset + limit + 1 entries hold the page
    // and tell whether more follow.
    const entries = await read.find<TimelineEntryView>(networkTimelineProjection, changesQuery(networkId, range.from, range.to, offset + limit + 1));
    const all = changesIn(entries, networkId, range.from, range.to);
    const changes = all.slice(offset, offset + limit);
    const names = await institutionNames(read, department, changes.map((c) => c.institutionId));
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
