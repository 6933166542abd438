import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@app/kernel';
import type { IssueRequest, IssuedKey } from '../identity.service';

/** Issues an API key; answered with the key and its secret (shown once). */
export class IssueApiKeyCommand extends Command<IssuedKey> {
  constructor(readonly request: IssueRequest, readonly context: CommandContext) {
    super();
  }
}
