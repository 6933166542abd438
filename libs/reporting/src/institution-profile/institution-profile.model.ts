import type { IsoDate } from '@app/kernel';
import type { ReportCount, ReportLanguage } from '../annual-analysis/annual-analysis.model';

/**
 * An institution's profile: its names over time, the networks it belonged to over time (with its
 * role, from when to when, and whether it was the anchor), and the events it hosted or took part
 * in. Worded for one language, like the other reports; renderers only lay it out.
 */
export interface InstitutionProfile {
  report: 'institution-profile';
  schemaVersion: 1;
  language: ReportLanguage;
  department: string;
  /** "Профіль закладу: ЗОШ № 7". */
  title: string;
  institution: {
    institutionId: string;
    fullName: string;
    shortName: string;
    settlement: string;
    status: 'open' | 'closed';
    closedOn: IsoDate | null;
    /** "Бахмутська загальноосвітня школа І–ІІІ ступенів № 7, м. Бахмут; закрито 30 червня 2022 р." */
    text: string;
  };
  /** Its renames, oldest first: what it was called until when. */
  names: { until: IsoDate | null; fullName: string; shortName: string; text: string }[];
  /** Its stays in networks, oldest first. */
  networks: ProfileStay[];
  /** The events it hosted, in date order (of the period asked for, or all). */
  hosted: ProfileEvent[];
  /** The events it took part in without hosting them. */
  tookPart: ProfileEvent[];
  /** Events hosted or taken part in, by kind ("2 семінари"). */
  eventsByKind: ReportCount[];
  labels: Record<ProfileLabel, string>;
  /** `periodText`: the days its events were asked for, in words ("Заходи з 1 вересня 2019 р. по 31 травня 2020 р."); null when all were. */
  basis: { position: number; reportDate: IsoDate; reportDateText: string; from: IsoDate | null; to: IsoDate | null; periodText: string | null };
}

export type ProfileLabel = 'networks' | 'names' | 'hosted' | 'tookPart' | 'eventsByKind';

export interface ProfileStay {
  networkId: string;
  name: string;
  /** The network's kind in words ("освітній округ"). */
  kindLabel: string;
  role: string;
  roleLabel: string;
  /** The span `[from, to)`, as the networks module records it: `to` is the first day no longer in it (null: still in it). */
  from: IsoDate;
  to: IsoDate | null;
  wasAnchor: boolean;
  /** "З 1 вересня 2017 р. по 31 серпня 2019 р.: Попередній освітній округ ЗОШ № 7 (освітній округ), учасник". */
  text: string;
}

export interface ProfileEvent {
  eventId: string;
  kind: string;
  kindLabel: string;
  topic: string;
  when: string;
  /** Hosted as a member of none of the event's networks, or took part from outside them. */
  outside: boolean;
  text: string;
}
