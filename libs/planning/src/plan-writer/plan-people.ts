import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, deterministicId, newId } from '@app/kernel';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/personal-data';

/**
 * The people a plan names (the person responsible for a planned event, the approver) go to the
 * personal-data vault by name; the plan records only their ids (docs/personal-data.md). As for
 * an event's people, a name is recorded once per command, in its prepare step, under a new id
 * derived from the Idempotency-Key when there is one; a refused decision leaves a name no event
 * names, which no reader shows.
 */
@Injectable()
export class PlanPeople {
  constructor(@Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault) {}

  /** The person's id: the one given, or a new one with the name recorded; null when neither is given. */
  async record(context: CommandContext, given: { fullName?: string | null; personId?: string | null } | null | undefined, field: string): Promise<string | null> {
    if (given?.personId) return given.personId.toLowerCase();
    const fullName = given?.fullName?.trim();
    if (!fullName) return null;
    const personId = context.idempotencyKey ? deterministicId(context.department, 'plan-person', context.idempotencyKey, field) : newId();
    await this.vault.record({ personId, department: context.department, fullName, recordedAt: context.receivedAt.toISOString(), recordedBy: context.actor.id });
    return personId;
  }
}
