import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deterministicId, newId } from '@app/kernel';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { SplitNetworkCommand } from './split-network.command';

/** Answers with the new network's id; the source's revision moves too. */
@CommandHandler(SplitNetworkCommand)
export class SplitNetworkHandler implements ICommandHandler<SplitNetworkCommand> {
  constructor(private readonly writer: NetworkMapWriter) {}

  async execute({ networkId, body, context }: SplitNetworkCommand) {
    const newNetworkId = context.idempotencyKey ? deterministicId(context.department, 'network', context.idempotencyKey) : newId();
    const result = await this.writer.decideOn(context, networkId, {
      command: () => ({
        type: 'SplitNetwork',
        data: {
          networkId,
          newNetworkId,
          institutionIds: body.institutionIds.map((id) => id.toLowerCase()),
          on: body.on,
          reason: body.reason,
          name: body.name.trim(),
          number: body.number?.trim() ?? null,
          description: body.description?.trim() || null,
          website: body.website ?? null,
        },
      }),
    });
    return { ...result, id: newNetworkId };
  }
}
