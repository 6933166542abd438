import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { IsoDate, NotFound, ReportingPeriod, daySpanOfReportingPeriod } from '@app/kernel';
import { EventSummary, ListEventSeriesQuery, ListEventsQuery } from '@app/events';
import { GetAcademicYearStartQuery, GetInstitutionQuery, GetNetworkQuery } from '@app/networks';
import { heldBy, recordedBy } from '../report/as-of';
import type { MonitoringFactEvent, MonitoringFacts } from './monitoring-table';

/** What a monitoring table is asked for. */
export interface MonitoringRequest {
  department: string;
  /** A network, or null for the whole department. */
  networkId: string | null;
  /** The columns, oldest first. */
  periods: readonly ReportingPeriod[];
  /** Everything up to this log position is in the table (the read models wait for it). */
  position: number;
  /** The records as they stood by the end of this day: the events whose holding was recorded by then, the series established by then under the name they had. */
  asOf?: IsoDate | null;
  reportDate: IsoDate;
}

/** The queries' largest page. */
const PAGE = 500;

/**
 * Gathers a monitoring table's facts through the events and networks modules' queries, each
 * consistent with the request's position: the scope's series, the events held over the whole
 * range (a page at a time), the hosts' names (short, as documents name them) and the academic
 * year's start. A network of another department, or none, is 404.
 *
 * `asOf` (a day) reads what was recorded by its end, where the answers tell: the events whose
 * holding was recorded by then (`held.recordedAt`), the series established by then
 * (`establishedAt`), each under the last name it was given by then (`names`). An event's details
 * and the hosts' names are read as they are now.
 */
@Injectable()
export class MonitoringTableFactsReader {
  constructor(private readonly queries: QueryBus) {}

  async read(request: MonitoringRequest): Promise<MonitoringFacts> {
    const { department, networkId, position } = request;
    const asOf = request.asOf ?? null;
    if (request.periods.length === 0) throw new RangeError('a monitoring table needs at least one year');
    const network = networkId ? await this.queries.execute(new GetNetworkQuery(department, networkId, position)) : null;
    const yearStart = await this.queries.execute(new GetAcademicYearStartQuery(department));
    const from = daySpanOfReportingPeriod(request.periods[0], yearStart).first;
    const to = daySpanOfReportingPeriod(request.periods[request.periods.length - 1], yearStart).last;

    const series: MonitoringFacts['series'][number][] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.queries.execute(
        new ListEventSeriesQuery(department, { ...(networkId ? { network: networkId } : {}), offset, limit: PAGE, consistentWith: position }),
      );
      for (const s of page.items) {
        if (!recordedBy(s.establishedAt, asOf)) continue;
        const named = [...(s.names ?? [])].reverse().find((n) => recordedBy(n.recordedAt, asOf));
        series.push({ seriesId: s.id, name: asOf && named ? named.name : s.name, kind: s.kind });
      }
      if (page.items.length < PAGE) break;
    }

    const held: EventSummary[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.queries.execute(
        new ListEventsQuery(department, { ...(networkId ? { network: networkId } : {}), status: 'held', from, to, offset, limit: PAGE, consistentWith: position }),
      );
      held.push(...page.items.filter((e) => e.held && heldBy(e.held, position, asOf)));
      if (page.items.length < PAGE) break;
    }
    const events: MonitoringFactEvent[] = held.map((e) => ({ eventId: e.id, kind: e.kind, topic: e.topic, seriesId: e.seriesId, when: e.when, hostIds: e.hostIds }));

    const institutionNames: Record<string, string> = {};
    for (const id of new Set(events.flatMap((e) => e.hostIds))) {
      try {
        const institution = await this.queries.execute(new GetInstitutionQuery(department, id, position));
        institutionNames[id] = institution.shortName || institution.fullName;
      } catch (error) {
        // A host the register no longer answers for is named by its id rather than dropped.
        if (!(error instanceof NotFound)) throw error;
      }
    }
    return {
      department,
      network: network ? { networkId: network.id, name: network.name } : null,
      periods: request.periods,
      yearStart,
      series,
      events,
      institutionNames,
      position,
      reportDate: request.reportDate,
    };
  }
}
