import { EventContracts } from '@app/kernel';

/**
 * A person's personal data was erased from the vault (the stream `person-<id>`). It holds ids
 * and the time only: who asked and why are the envelope's actor and reason.
 */
export type PersonalDataErased = { type: 'PersonalDataErased'; data: { personId: string; erasedAt: string } };

/** Every event of a person's stream. */
export type PersonEvent = PersonalDataErased;

/** What the platform knows of each person event. */
export const personEvents: EventContracts<PersonEvent> = {
  PersonalDataErased: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'person', id: d.personId }],
    describe: () => ({ uk: 'Персональні дані особи видалено', ru: 'Персональные данные лица удалены', en: 'Personal data erased' }),
  },
};
