import { CommandHandler } from '@nestjs/cqrs';
import { deterministicId, newId } from '@app/kernel';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { SplitNetworkCommand } from './split-network.command';

@CommandHandler(SplitNetworkCommand)
export class SplitNetworkHandler extends NetworkMapHandler<SplitNetworkCommand> {
  async execute({ id: networkId, body, context }: SplitNetworkCommand) {
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
