import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { IdentityService } from '../identity.service';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

/** Decided and appended by IdentityService, which the bootstrap and the CLI use too. */
@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  constructor(private readonly identity: IdentityService) {}

  execute({ keyId, reason, context }: RevokeApiKeyCommand): Promise<WriteResult> {
    return this.identity.revoke(keyId, reason, context);
  }
}
