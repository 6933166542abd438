import { Inject, Injectable } from '@nestjs/common';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/personal-data';

/** A person as readers see them: the name, or the fact that it was erased on request. */
export type PersonName = { personId: string; fullName: string | null; erased: boolean; erasedAt?: string };

/** Names of people (heads) from the personal-data vault; events hold only their ids. */
@Injectable()
export class PersonNames {
  constructor(@Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault) {}

  async of(department: string, personIds: string[]): Promise<Map<string, PersonName>> {
    const unique = [...new Set(personIds)];
    if (unique.length === 0) return new Map();
    const found = await this.vault.lookup(department, unique);
    return new Map<string, PersonName>(
      unique.map((personId): [string, PersonName] => {
        const entry = found.get(personId);
        if (entry?.status === 'present') return [personId, { personId, fullName: entry.fullName, erased: false }];
        if (entry?.status === 'erased') return [personId, { personId, fullName: null, erased: true, erasedAt: entry.erasedAt }];
        return [personId, { personId, fullName: null, erased: false }];
      }),
    );
  }
}
