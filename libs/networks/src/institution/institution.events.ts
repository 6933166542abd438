import { EventContracts, IsoDate, eventTypes, streamName } from '@app/kernel';

/** Stream of one institution, where its events are. */
export const institutionStream = (institutionId: string): string => streamName('Institution', institutionId);

/** Kinds of institution a department registers. A closed list: reports group by it. */
export const INSTITUTION_KINDS = [
  'general-school',
  'gymnasium',
  'lyceum',
  'educational-complex',
  'kindergarten',
  'supplementary-education-centre',
  'college',
  'university',
  'methodological-centre',
  'other',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** The details of an institution that a correction may change. */
export interface InstitutionDetails {
  fullName: string;
  shortName: string;
  kind: InstitutionKind;
  settlement: string;
  externalCode: string | null;
  website: string | null;
}

export const DETAIL_FIELDS = ['fullName', 'shortName', 'kind', 'settlement', 'externalCode', 'website'] as const;

export type InstitutionRegistered = {
  type: 'InstitutionRegistered';
  data: { institutionId: string; department: string } & InstitutionDetails;
};
export type InstitutionRenamed = {
  type: 'InstitutionRenamed';
  data: { institutionId: string; fullName: string; shortName: string; renamedOn: IsoDate };
};
export type InstitutionDetailsCorrected = {
  type: 'InstitutionDetailsCorrected';
  data: { institutionId: string; corrections: Partial<InstitutionDetails>; reason: string };
};
export type InstitutionClosed = {
  type: 'InstitutionClosed';
  data: { institutionId: string; closedOn: IsoDate; reason: string };
};
export type InstitutionReopened = {
  type: 'InstitutionReopened';
  data: { institutionId: string; reopenedOn: IsoDate; reason: string | null };
};

/** Every event of an institution's stream (`institution-<id>`). */
export type InstitutionEvent =
  | InstitutionRegistered
  | InstitutionRenamed
  | InstitutionDetailsCorrected
  | InstitutionClosed
  | InstitutionReopened;

const institution = (data: { institutionId: string }) => [{ kind: 'institution' as const, id: data.institutionId }];

/** The fields a correction names, as the history lists them. */
const fieldsOf = (corrections: object): string => Object.keys(corrections).join(', ');

/** What the platform knows of each institution event. */
export const institutionEvents: EventContracts<InstitutionEvent> = {
  InstitutionRegistered: {
    effectiveOn: () => null,
    concerns: institution,
    describe: (d) => ({ uk: `Заклад зареєстровано: ${d.shortName}`, ru: `Учреждение зарегистрировано: ${d.shortName}`, en: `Institution registered: ${d.shortName}` }),
  },
  InstitutionRenamed: {
    effectiveOn: (d) => d.renamedOn,
    concerns: institution,
    describe: (d) => ({ uk: `Заклад перейменовано: ${d.shortName}`, ru: `Учреждение переименовано: ${d.shortName}`, en: `Institution renamed: ${d.shortName}` }),
  },
  InstitutionDetailsCorrected: {
    effectiveOn: () => null,
    concerns: institution,
    describe: (d) => ({
      uk: `Виправлено відомості закладу: ${fieldsOf(d.corrections)}`,
      ru: `Исправлены сведения об учреждении: ${fieldsOf(d.corrections)}`,
      en: `Institution details corrected: ${fieldsOf(d.corrections)}`,
    }),
  },
  InstitutionClosed: {
    effectiveOn: (d) => d.closedOn,
    concerns: institution,
    describe: (d) => ({ uk: `Заклад закрито з ${d.closedOn}`, ru: `Учреждение закрыто с ${d.closedOn}`, en: `Institution closed on ${d.closedOn}` }),
  },
  InstitutionReopened: {
    effectiveOn: (d) => d.reopenedOn,
    concerns: institution,
    describe: (d) => ({ uk: `Заклад знову відкрито з ${d.reopenedOn}`, ru: `Учреждение вновь открыто с ${d.reopenedOn}`, en: `Institution reopened on ${d.reopenedOn}` }),
  },
};

export const INSTITUTION_EVENT_TYPES = eventTypes(institutionEvents);
