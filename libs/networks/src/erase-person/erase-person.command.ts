import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@app/kernel';

/** Erases a person's personal data on request, and records that it was done. */
export class ErasePersonCommand extends Command<PersonErasure> {
  constructor(readonly personId: string, readonly reason: string, readonly context: CommandContext) {
    super();
  }
}

/** What an erasure answers: the vault's tombstone and the position of the recorded fact. */
export interface PersonErasure {
  personId: string;
  erasedAt: string;
  erasedBy: string;
  reason: string;
  position: number;
}
