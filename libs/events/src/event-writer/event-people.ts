import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, RuleViolated, deterministicId, newId } from '@app/kernel';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/personal-data';
import { EventPerson, EventRole } from '../event/event.events';
import type { EventPersonView } from '../event-calendar/list-events.query';

/** A person as a request names them: someone new by `fullName`, or someone the event already has by `personId` (the DTO lets exactly one through). */
export type PersonGiven = { fullName?: string; personId?: string; role: EventRole };

/** What prepare made of the people a request names: their ids, new ones already in the vault. */
export type PeopleGiven = Array<{ given: PersonGiven; personId: string }>;

/**
 * The people of an event go to the personal-data vault by name; the event records only their
 * ids and roles (docs/personal-data.md), and readers get the names back from the vault. As for
 * a network's head, the names are recorded once per command, in its prepare step, under new ids
 * (derived from the Idempotency-Key, so a repeat records the same ids and names again, which
 * changes nothing). When the decision is then refused, the vault keeps names no event names,
 * which no reader shows: readers ask only for the ids their read models hold.
 */
@Injectable()
export class EventPeople {
  constructor(@Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault) {}

  /** Records the names of the new people; `field` tells ids apart between the commands of one key. */
  async record(context: CommandContext, people: readonly PersonGiven[] | undefined, field: string): Promise<PeopleGiven> {
    const out: PeopleGiven = [];
    for (const [index, given] of (people ?? []).entries()) {
      if (given.personId !== undefined) {
        out.push({ given, personId: given.personId.toLowerCase() });
        continue;
      }
      const personId = context.idempotencyKey ? deterministicId(context.department, 'event-person', context.idempotencyKey, field, String(index)) : newId();
      await this.vault.record({ personId, department: context.department, fullName: (given.fullName ?? '').trim(), recordedAt: context.receivedAt.toISOString(), recordedBy: context.actor.id });
      out.push({ given, personId });
    }
    return out;
  }

  /** The people with their names from the vault: an erased one as erased, one the vault does not know without a name. */
  async named(department: string, people: readonly EventPerson[]): Promise<EventPersonView[]> {
    if (people.length === 0) return [];
    const found = await this.vault.lookup(department, [...new Set(people.map((p) => p.personId))]);
    return people.map((person): EventPersonView => {
      const entry = found.get(person.personId);
      if (entry?.status === 'present') return { ...person, fullName: entry.fullName, erased: false };
      if (entry?.status === 'erased') return { ...person, fullName: null, erased: true, erasedAt: entry.erasedAt };
      return { ...person, fullName: null, erased: false };
    });
  }
}

/**
 * The event's people: the new ones by their new ids, the others by the ids given, which must be
 * people the event already has (`known`); a person named by id elsewhere is not this event's to
 * reuse. Pure, so it is checked again on every attempt.
 */
export const peopleOf = (prepared: PeopleGiven, known: readonly EventPerson[]): EventPerson[] =>
  prepared.map(({ given, personId }) => {
    if (given.personId !== undefined && !known.some((p) => p.personId === personId)) {
      throw new RuleViolated('person-not-in-event', `person ${personId} is not one of the event's people; name a new person by fullName`);
    }
    return { personId, role: given.role };
  });
