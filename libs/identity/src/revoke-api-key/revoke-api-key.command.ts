import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';

/** Revokes an API key of the caller's department. */
export class RevokeApiKeyCommand extends Command<WriteResult> {
  constructor(readonly keyId: string, readonly reason: string, readonly context: CommandContext) {
    super();
  }
}
