import { ResourceCommand } from '@app/platform/commands';

export interface ErasePersonInput { reason: string }

/** What an erasure answers: the vault's tombstone and the position of the recorded fact. */
export interface PersonErasure {
  personId: string;
  erasedAt: string;
  erasedBy: string;
  reason: string;
  position: number;
}

/** Erases a person's personal data on request, and records that it was done. */
export class ErasePersonCommand extends ResourceCommand<ErasePersonInput, PersonErasure> {}
