import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProjectionsService } from '@app/platform';
import { IdentityService } from '../identity.service';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

/** Decided and appended by IdentityService, which the bootstrap and the CLI use too. */
@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  constructor(
    private readonly identity: IdentityService,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ id: keyId, body, context }: RevokeApiKeyCommand) {
    const result = await this.identity.revoke(keyId, body.reason, context);
    // The guard reads the key's stream, so the key is refused already; the list shows it once this answer arrives.
    await this.projections.waitFor(result.position, ['api-keys']);
    return result;
  }
}
