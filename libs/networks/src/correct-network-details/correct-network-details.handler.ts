import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { CorrectNetworkDetailsCommand } from './correct-network-details.command';

@CommandHandler(CorrectNetworkDetailsCommand)
export class CorrectNetworkDetailsHandler implements ICommandHandler<CorrectNetworkDetailsCommand> {
  constructor(private readonly writer: NetworkMapWriter) {}

  execute({ networkId: id, body, context }: CorrectNetworkDetailsCommand) {
    return this.writer.decideOn(context, id, {
      command: () => {
        const { reason, ...fields } = body;
        // Stored trimmed, as registrations are; a description of only spaces is no description.
        const corrections = Object.fromEntries(
          Object.entries(fields)
            .filter(([, v]) => v !== undefined)
            .map(([field, v]) => [field, typeof v === 'string' ? v.trim() || (field === 'description' ? null : v.trim()) : v]),
        );
        return { type: 'CorrectNetworkDetails', data: { networkId: id, corrections, reason: reason.trim() } };
      },
    });
  }
}
