import { EntityRef, EventContracts, IsoDate, LocalText, ReportingPeriodKind, eventTypes, idsConcerned, isEventOf, streamName, upcaster } from '@app/kernel';

export const NETWORK_KINDS = ['educational-district', 'council-of-heads', 'partnership', 'other'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

/** Stream of a department's networks of one kind (its network map), where their events are. */
export const networkMapStream = (department: string, kind: NetworkKind): string => streamName('NetworkMap', `${department}-${kind}`);

/** Roles an institution is admitted with; the anchor is a member that leads (see anchors). */
export const MEMBER_ROLES = ['member', 'partner'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface NetworkDetails {
  name: string;
  number: string | null;
  description: string | null;
  website: string | null;
}
export const NETWORK_DETAIL_FIELDS = ['name', 'number', 'description', 'website'] as const;

/** An institution moved by a merge or a split, with the role it keeps. */
export interface MovedMember {
  institutionId: string;
  role: MemberRole;
}

/**
 * `reportingPeriod`: how the network plans and reports (docs/planning.md), when the registration
 * named it; a registration without it (every one recorded before the setting existed) reports
 * by academic year.
 */
export type NetworkRegistered = {
  type: 'NetworkRegistered';
  data: { networkId: string; department: string; kind: NetworkKind; reportingPeriod?: ReportingPeriodKind } & NetworkDetails;
};
export type NetworkRenamed = { type: 'NetworkRenamed'; data: { networkId: string; name: string; renamedOn: IsoDate } };
export type NetworkDetailsCorrected = {
  type: 'NetworkDetailsCorrected';
  data: { networkId: string; corrections: Partial<NetworkDetails>; reason: string };
};
export type HeadAppointed = {
  type: 'HeadAppointed';
  /** The person is a reference; the name is personal data kept outside the event (see docs/personal-data.md). */
  data: { networkId: string; personId: string; position: string; appointedOn: IsoDate };
};
/** How the network reports from now on; `previous`, how it reported until now. Plans already drafted keep their period. */
export type NetworkReportingPeriodSet = {
  type: 'NetworkReportingPeriodSet';
  data: { networkId: string; department: string; reportingPeriod: ReportingPeriodKind; previous: ReportingPeriodKind };
};
export type AnchorSet = { type: 'AnchorSet'; data: { networkId: string; institutionId: string; from: IsoDate } };
export type MemberAdmitted = {
  type: 'MemberAdmitted';
  data: { networkId: string; institutionId: string; role: MemberRole; from: IsoDate };
};
export type MemberLeft = { type: 'MemberLeft'; data: { networkId: string; institutionId: string; on: IsoDate; reason: string } };
export type MemberRoleChanged = {
  type: 'MemberRoleChanged';
  data: { networkId: string; institutionId: string; role: MemberRole; from: IsoDate };
};
export type MemberTransferred = {
  type: 'MemberTransferred';
  data: { institutionId: string; fromNetworkId: string; toNetworkId: string; role: MemberRole; on: IsoDate; reason: string };
};
export type NetworksMerged = {
  type: 'NetworksMerged';
  data: { networkId: string; intoNetworkId: string; on: IsoDate; reason: string; moved: MovedMember[] };
};
/**
 * Schema version 2: the new network's department and kind are part of the event (see the upcaster below).
 * `reportingPeriod`: the new network reports as the one it is split from, recorded when that is
 * by calendar year; without it, by academic year.
 */
export type NetworkSplit = {
  type: 'NetworkSplit';
  data: {
    networkId: string;
    newNetworkId: string;
    department: string;
    kind: NetworkKind;
    on: IsoDate;
    reason: string;
    moved: MovedMember[];
    reportingPeriod?: ReportingPeriodKind;
  } & NetworkDetails;
};
export type NetworkDissolved = {
  type: 'NetworkDissolved';
  data: { networkId: string; on: IsoDate; reason: string; released: string[] };
};

/** Every event of a network map's stream (`network-map-<department>-<kind>`). */
export type NetworkMapEvent =
  | NetworkRegistered
  | NetworkRenamed
  | NetworkDetailsCorrected
  | HeadAppointed
  | NetworkReportingPeriodSet
  | AnchorSet
  | MemberAdmitted
  | MemberLeft
  | MemberRoleChanged
  | MemberTransferred
  | NetworksMerged
  | NetworkSplit
  | NetworkDissolved;

/**
 * `NetworkSplit` as version 1 recorded it. The first network-map decider wrote it without the
 * new network's department and kind (the new network has those of the map it is split off);
 * they were added to the data soon after, still as version 1, so a version-1 split may or may
 * not carry them.
 */
type NetworkSplitV1 = Omit<NetworkSplit['data'], 'department' | 'kind'> & Partial<Pick<NetworkSplit['data'], 'department' | 'kind'>>;

/** The kind of a map's stream, `network-map-<department>-<kind>` (no kind is the end of another). */
export const kindOfMapStream = (streamId: string): NetworkKind | undefined => NETWORK_KINDS.find((kind) => streamId.endsWith(`-${kind}`));

const network = (id: string): EntityRef => ({ kind: 'network', id });
const institution = (id: string): EntityRef => ({ kind: 'institution', id });

/** A member's role, as a history names it. */
const ROLE_WORDS: Record<MemberRole, LocalText> = {
  member: { uk: 'учасник', ru: 'участник', en: 'member' },
  partner: { uk: 'партнер', ru: 'партнёр', en: 'partner' },
};

/** How a network reports, as its history says it. */
const REPORTS_BY: Record<ReportingPeriodKind, LocalText> = {
  'academic-year': { uk: 'Округ звітує за навчальний рік', ru: 'Округ отчитывается за учебный год', en: 'The network reports by academic year' },
  'calendar-year': { uk: 'Округ звітує за календарний рік', ru: 'Округ отчитывается за календарный год', en: 'The network reports by calendar year' },
};

/** What the platform knows of each network-map event. */
export const networkMapEvents: EventContracts<NetworkMapEvent> = {
  NetworkRegistered: {
    effectiveOn: () => null,
    concerns: (d) => [network(d.networkId)],
    describe: (d) => ({ uk: `Мережу «${d.name}» зареєстровано`, ru: `Сеть «${d.name}» зарегистрирована`, en: `Network «${d.name}» registered` }),
  },
  NetworkRenamed: {
    effectiveOn: (d) => d.renamedOn,
    concerns: (d) => [network(d.networkId)],
    describe: (d) => ({ uk: `Мережу перейменовано: «${d.name}»`, ru: `Сеть переименована: «${d.name}»`, en: `Network renamed: «${d.name}»` }),
  },
  NetworkDetailsCorrected: {
    effectiveOn: () => null,
    concerns: (d) => [network(d.networkId)],
    describe: (d) => {
      const fields = Object.keys(d.corrections).join(', ');
      return { uk: `Виправлено відомості мережі: ${fields}`, ru: `Исправлены сведения о сети: ${fields}`, en: `Network details corrected: ${fields}` };
    },
  },
  HeadAppointed: {
    effectiveOn: (d) => d.appointedOn,
    concerns: (d) => [network(d.networkId), { kind: 'person', id: d.personId }],
    // The position, never the name: names are personal data, kept in the vault.
    describe: (d) => ({ uk: `Призначено керівника: ${d.position}`, ru: `Назначен руководитель: ${d.position}`, en: `Head appointed: ${d.position}` }),
  },
  NetworkReportingPeriodSet: {
    // From the change on, for the plans drafted after it: plans already drafted keep their period.
    effectiveOn: () => null,
    concerns: (d) => [network(d.networkId)],
    describe: (d) => REPORTS_BY[d.reportingPeriod],
  },
  AnchorSet: {
    effectiveOn: (d) => d.from,
    concerns: (d) => [network(d.networkId), institution(d.institutionId)],
    describe: () => ({ uk: 'Визначено опорний заклад', ru: 'Определено опорное учреждение', en: 'Anchor set' }),
  },
  MemberAdmitted: {
    effectiveOn: (d) => d.from,
    concerns: (d) => [network(d.networkId), institution(d.institutionId)],
    describe: (d) => ({
      uk: `Заклад приєднався до мережі (${ROLE_WORDS[d.role].uk})`,
      ru: `Учреждение присоединилось к сети (${ROLE_WORDS[d.role].ru})`,
      en: `Institution joined (${ROLE_WORDS[d.role].en})`,
    }),
  },
  MemberLeft: {
    effectiveOn: (d) => d.on,
    concerns: (d) => [network(d.networkId), institution(d.institutionId)],
    describe: () => ({ uk: 'Заклад вибув із мережі', ru: 'Учреждение выбыло из сети', en: 'Institution left' }),
  },
  MemberRoleChanged: {
    effectiveOn: (d) => d.from,
    concerns: (d) => [network(d.networkId), institution(d.institutionId)],
    describe: (d) => ({
      uk: `Роль закладу змінено: ${ROLE_WORDS[d.role].uk}`,
      ru: `Роль учреждения изменена: ${ROLE_WORDS[d.role].ru}`,
      en: `Role changed: ${ROLE_WORDS[d.role].en}`,
    }),
  },
  MemberTransferred: {
    effectiveOn: (d) => d.on,
    // The network it left first, then the one it joined.
    concerns: (d) => [network(d.fromNetworkId), network(d.toNetworkId), institution(d.institutionId)],
    describe: () => ({ uk: 'Заклад переведено до іншої мережі', ru: 'Учреждение переведено в другую сеть', en: 'Institution moved to another network' }),
  },
  NetworksMerged: {
    effectiveOn: (d) => d.on,
    concerns: (d) => [network(d.networkId), network(d.intoNetworkId), ...d.moved.map((m) => institution(m.institutionId))],
    describe: (d) => ({
      uk: `Мережу приєднано до іншої (переведено закладів: ${d.moved.length})`,
      ru: `Сеть присоединена к другой (переведено учреждений: ${d.moved.length})`,
      en: `Network merged into another (${d.moved.length} institutions moved)`,
    }),
  },
  NetworkSplit: {
    effectiveOn: (d) => d.on,
    concerns: (d) => [network(d.networkId), network(d.newNetworkId), ...d.moved.map((m) => institution(m.institutionId))],
    describe: (d) => ({
      uk: `Від мережі відокремлено «${d.name}» (закладів: ${d.moved.length})`,
      ru: `От сети отделена «${d.name}» (учреждений: ${d.moved.length})`,
      en: `«${d.name}» split off (${d.moved.length} institutions)`,
    }),
    version: 2,
    upcasters: {
      // The map's department and kind, which the new network shares: from the envelope and the stream.
      1: upcaster<NetworkSplitV1, NetworkSplit['data']>((data, event) => {
        const kind = data.kind ?? kindOfMapStream(event.streamId);
        if (!kind) throw new Error(`NetworkSplit ${event.id} is in stream ${event.streamId}, which is not a network map's`);
        return { ...data, department: data.department ?? event.metadata.department, kind };
      }),
    },
  },
  NetworkDissolved: {
    effectiveOn: (d) => d.on,
    concerns: (d) => [network(d.networkId), ...d.released.map(institution)],
    describe: (d) => ({
      uk: `Мережу розформовано (вибуло закладів: ${d.released.length})`,
      ru: `Сеть расформирована (выбыло учреждений: ${d.released.length})`,
      en: `Network dissolved (${d.released.length} institutions released)`,
    }),
  },
};

export const NETWORK_MAP_EVENT_TYPES = eventTypes(networkMapEvents);

/**
 * The networks an event concerns (two for a transfer, a merge or a split: the one left first),
 * for any event: another stream's events concern none.
 */
export const networksConcerned = (event: { type: string; data: unknown }): string[] =>
  isEventOf(networkMapEvents, event) ? idsConcerned(networkMapEvents, event, 'network') : [];
