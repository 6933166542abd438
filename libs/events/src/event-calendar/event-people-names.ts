import { Inject, Injectable } from '@nestjs/common';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/personal-data';
import { EventPerson } from '../event/event.events';

/** A person of an event as readers see them: the role, and the name or the fact that it was erased on request. */
export interface EventPersonView extends EventPerson {
  fullName: string | null;
  erased: boolean;
  erasedAt?: string;
}

/** Names of an event's people from the personal-data vault: the log and the read models hold only their ids. */
@Injectable()
export class EventPeopleNames {
  constructor(@Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault) {}

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
