import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ProjectionsService } from '@app/platform';
import { READ_STORE, ReadStore } from '@app/read-store';
import { IdentityService } from '../identity.service';
import { IssueApiKeyCommand } from './issue-api-key.command';

/**
 * Prepares, once: the networks a network head's key names are looked up (a network of the
 * department, as far as the log is written now); the decider refuses the others. The key is
 * then decided and appended by IdentityService, which the bootstrap and the CLI use too.
 */
@CommandHandler(IssueApiKeyCommand)
export class IssueApiKeyHandler implements ICommandHandler<IssueApiKeyCommand> {
  constructor(
    private readonly identity: IdentityService,
    private readonly projections: ProjectionsService,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ body: request, context }: IssueApiKeyCommand) {
    const networksElsewhere: string[] = [];
    if (request.networkIds?.length) {
      await this.projections.waitFor(await this.store.headPosition(), ['network-list']);
      for (const networkId of request.networkIds) {
        const network = (await this.readStore.get('networks', networkId)) as { department?: string } | null;
        if (network?.department !== request.department) networksElsewhere.push(networkId);
      }
    }
    const issued = await this.identity.issue(request, context, { networksElsewhere });
    // The key works as soon as it is recorded (the guard reads its stream); the list shows it once this answer arrives.
    await this.projections.waitFor(issued.position, ['api-keys']);
    return issued;
  }
}
