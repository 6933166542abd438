import { Decider, assertNever, streamName } from '@app/kernel';
import { PersonEvent } from './person.events';

/**
 * A person as the event log knows them: by id only, never by name (the name is in the vault).
 * What the log records of a person is that their personal data was erased: once, with who,
 * when and why in the event's metadata.
 */
export type { PersonEvent, PersonalDataErased } from './person.events';

/** Records that the vault erased the person, with the instant of its tombstone. */
export type ErasePerson = { type: 'ErasePerson'; data: { personId: string; erasedAt: string } };
export type PersonCommand = ErasePerson;

export type PersonState = { erased: false } | { erased: true; erasedAt: string };

/** Stream that records, with ids only, that a person's data was erased. */
export const personStream = (personId: string): string => streamName('Person', personId);

export const personDecider: Decider<PersonState, PersonCommand, PersonEvent> = {
  initialState: () => ({ erased: false }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'PersonalDataErased':
        return state.erased ? state : { erased: true, erasedAt: event.data.erasedAt };
      default:
        return assertNever(event.type);
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'ErasePerson':
        // Erasing again is answered, not refused (the vault's erasure is idempotent too); the
        // fact is recorded once, so the history shows one erasure.
        return state.erased ? [] : [{ type: 'PersonalDataErased', data: command.data }];
      default:
        return assertNever(command.type);
    }
  },
};
