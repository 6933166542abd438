import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { IsoDate } from '@app/kernel';
import { GetInstitutionEventsQuery, InstitutionEventsPage } from '@app/events';
import { GetAcademicYearStartQuery, GetInstitutionHistoryQuery, GetInstitutionMembershipsQuery, GetInstitutionQuery, HistoryEntry, InstitutionMembership } from '@app/networks';
import { heldBy, recordedBy } from '../report/as-of';
import type { ProfileFactEvent, ProfileFacts } from './institution-profile';

export interface ProfileRequest {
  department: string;
  institutionId: string;
  /** The events of these days only (both or neither); all by default. */
  from?: IsoDate;
  to?: IsoDate;
  /** Everything up to this log position is in the profile (the read models wait for it). */
  position: number;
  /** The records as they stood by the end of this day: its details and renames recorded by then, its stays on that day, the events whose holding was recorded by then. */
  asOf?: IsoDate | null;
  reportDate: IsoDate;
}

/** The institution's details a report prints, which its history's entries say the changes of. */
const DETAILS = ['fullName', 'shortName', 'settlement', 'status', 'closedOn'] as const;

const PAGE = 500;

/**
 * Gathers an institution profile's facts through the networks and events modules' queries, each
 * consistent with the request's position: the institution (404 for one of another department),
 * its history (for its renames), its memberships over time, and the events it hosted or took
 * part in that were held, a page at a time.
 *
 * At the position and as of `asOf` (a day), where the answers tell: the history's entries
 * recorded after either are left out, and what they changed is undone (each entry says what a
 * field was before), so its names, settlement and closing are as recorded then; its stays are
 * those begun by that day, one that ended after it still lasting (the networks' stays are dated
 * by when they took effect, not when they were recorded); the events are those whose holding was
 * recorded by then. The events' details and the networks' names are read as they are now.
 */
@Injectable()
export class InstitutionProfileFactsReader {
  constructor(private readonly queries: QueryBus) {}

  async read(request: ProfileRequest): Promise<ProfileFacts> {
    const { department, institutionId, position } = request;
    const asOf = request.asOf ?? null;
    const current = await this.queries.execute(new GetInstitutionQuery(department, institutionId, position));
    const [history, memberships, yearStart] = await Promise.all([
      this.queries.execute(new GetInstitutionHistoryQuery(department, institutionId, position)),
      this.queries.execute(new GetInstitutionMembershipsQuery(department, institutionId, position)),
      this.queries.execute(new GetAcademicYearStartQuery(department)),
    ]);
    // What was recorded after the position or the day, undone newest first.
    const known = (entry: HistoryEntry) => entry.position <= position && recordedBy(entry.recordedAt, asOf);
    const details: Record<string, unknown> = Object.fromEntries(DETAILS.map((field) => [field, current[field]]));
    for (const entry of [...history.entries].reverse()) {
      // Its registration is never undone: a profile names it as it was first recorded at the least.
      if (known(entry) || entry.type === 'InstitutionRegistered') continue;
      for (const change of entry.changes) if ((DETAILS as readonly string[]).includes(change.field)) details[change.field] = change.from;
    }
    const institution = { ...current, ...details } as typeof current;
    const renames = history.entries.filter(known).flatMap((entry) => {
      if (entry.type !== 'InstitutionRenamed') return [];
      const was = (field: string) => entry.changes.find((c) => c.field === field)?.from;
      const on = entry.effectiveAt ?? entry.recordedAt.slice(0, 10);
      return [{ on: on.slice(0, 10), fullName: String(was('fullName') ?? institution.fullName), shortName: String(was('shortName') ?? institution.shortName) }];
    });
    const period = request.from && request.to ? { from: request.from, to: request.to } : {};
    const events: ProfileFactEvent[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page: InstitutionEventsPage = await this.queries.execute(new GetInstitutionEventsQuery(department, institutionId, { ...period, status: 'held', offset, limit: PAGE, consistentWith: position }));
      const held = page.items.filter((e) => e.held && heldBy(e.held, position, asOf));
      events.push(...held.map((e) => ({ eventId: e.id, kind: e.kind, topic: e.topic, when: e.when, ...e.involvement })));
      if (page.items.length < PAGE) break;
    }
    return {
      department,
      institution: { institutionId, fullName: institution.fullName, shortName: institution.shortName, settlement: institution.settlement, status: institution.status, closedOn: institution.closedOn },
      renames,
      memberships: asOf ? staysOn(memberships.memberships, asOf) : memberships.memberships,
      events,
      yearStart,
      position,
      reportDate: request.reportDate,
      from: request.from ?? null,
      to: request.to ?? null,
    };
  }
}

/** The stays as they stood on a day: those begun by then, one that ended after it still lasting then (a stay is `[from, to)`). */
const staysOn = (stays: readonly InstitutionMembership[], day: IsoDate): InstitutionMembership[] =>
  stays.filter((m) => m.from <= day).map((m) => (m.to !== null && m.to > day ? { ...m, to: null } : m));
