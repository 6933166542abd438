import type { IsoDate } from '@app/kernel';
import type { AudienceCategory, EventFormatMode, EventKind, EventLevel, EventRole, ParticipantCategory } from '../event/event-vocabulary';
import type { WhenPrecision } from '../event/when';

/*
 * The input types the write commands share; the DTOs implement them (the commands never import
 * a DTO). Their values are checked by the DTOs' forms and then by the deciders.
 */

/** A when as a request writes it (see `When`): the fields of its precision. */
export interface WhenInput {
  precision: WhenPrecision;
  from?: IsoDate;
  to?: IsoDate | null;
  startTime?: string | null;
  endTime?: string | null;
  month?: string;
  year?: number;
  academicYear?: string;
}

export interface FormatInput {
  mode: EventFormatMode;
  platform?: string | null;
  link?: string | null;
}

export interface LinkInput {
  url: string;
  title?: string | null;
}

export interface ParticipationInput {
  counts: Partial<Record<ParticipantCategory, number>>;
  institutionIds: string[];
}

/** A person of a correction: new by name, or one of the event's people by id. */
export interface PersonInput {
  fullName?: string;
  personId?: string;
  role: EventRole;
}

/** What the department says an event is; each optional one has its default (none, or nothing). */
export interface EventDetailsInput {
  kind: EventKind;
  topic: string;
  description?: string | null;
  networkIds: string[];
  audienceNetworkIds?: string[];
  hostIds?: string[];
  format: FormatInput;
  level: EventLevel;
  audience?: AudienceCategory[];
  seriesId?: string | null;
}

/** What holding records. */
export interface HeldInput {
  when: WhenInput;
  participation: ParticipationInput;
  outcome?: string | null;
  materials?: LinkInput[];
  publications?: LinkInput[];
}
