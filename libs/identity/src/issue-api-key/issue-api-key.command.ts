import { CommandContext } from '@app/kernel';
import type { IssueRequest } from '../identity.service';

/** Issues an API key; answered with the key and its secret (shown once). */
export class IssueApiKeyCommand {
  constructor(
    readonly request: IssueRequest,
    readonly context: CommandContext,
  ) {}
}
