import { CommandContext } from '@app/kernel';

/** Revokes an API key of the caller's department. */
export class RevokeApiKeyCommand {
  constructor(
    readonly keyId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
