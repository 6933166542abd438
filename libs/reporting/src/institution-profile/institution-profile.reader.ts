import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { IsoDate } from '@app/kernel';
import { GetInstitutionEventsQuery, InstitutionEventsPage } from '@app/events';
import { GetAcademicYearStartQuery, GetInstitutionHistoryQuery, GetInstitutionMembershipsQuery, GetInstitutionQuery } from '@app/networks';
import type { ProfileFactEvent, ProfileFacts } from './institution-profile';

export interface ProfileRequest {
  department: string;
  institutionId: string;
  /** The events of these days only (both or neither); all by default. */
  from?: IsoDate;
  to?: IsoDate;
  /** Everything up to this log position is in the profile (the read models wait for it). */
  position: number;
  reportDate: IsoDate;
}

const PAGE = 500;

/**
 * Gathers an institution profile's facts through the networks and events modules' queries, each
 * consistent with the request's position: the institution (404 for one of another department),
 * its history (for its renames), its memberships over time, and the events it hosted or took
 * part in that were held, a page at a time.
 */
@Injectable()
export class InstitutionProfileFactsReader {
  constructor(private readonly queries: QueryBus) {}

  async read(request: ProfileRequest): Promise<ProfileFacts> {
    const { department, institutionId, position } = request;
    const institution = await this.queries.execute(new GetInstitutionQuery(department, institutionId, position));
    const [history, memberships, yearStart] = await Promise.all([
      this.queries.execute(new GetInstitutionHistoryQuery(department, institutionId, position)),
      this.queries.execute(new GetInstitutionMembershipsQuery(department, institutionId, position)),
      this.queries.execute(new GetAcademicYearStartQuery(department)),
    ]);
    const renames = history.entries.flatMap((entry) => {
      if (entry.type !== 'InstitutionRenamed') return [];
      const was = (field: string) => entry.changes.find((c) => c.field === field)?.from;
      const on = entry.effectiveAt ?? entry.recordedAt.slice(0, 10);
      return [{ on: on.slice(0, 10), fullName: String(was('fullName') ?? institution.fullName), shortName: String(was('shortName') ?? institution.shortName) }];
    });
    const period = request.from && request.to ? { from: request.from, to: request.to } : {};
    const events: ProfileFactEvent[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page: InstitutionEventsPage = await this.queries.execute(new GetInstitutionEventsQuery(department, institutionId, { ...period, status: 'held', offset, limit: PAGE, consistentWith: position }));
      events.push(...page.items.map((e) => ({ eventId: e.id, kind: e.kind, topic: e.topic, when: e.when, ...e.involvement })));
      if (page.items.length < PAGE) break;
    }
    return {
      department,
      institution: { institutionId, fullName: institution.fullName, shortName: institution.shortName, settlement: institution.settlement, status: institution.status, closedOn: institution.closedOn },
      renames,
      memberships: memberships.memberships,
      events,
      yearStart,
      position,
      reportDate: request.reportDate,
      from: request.from ?? null,
      to: request.to ?? null,
    };
  }
}
