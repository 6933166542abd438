import { CommandHandler } from '@nestjs/cqrs';
import { deterministicId, newId } from '@app/kernel';
import { newNetworkDetails } from '../network-map/network-details';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { SplitNetworkCommand } from './split-network.command';

@CommandHandler(SplitNetworkCommand)
export class SplitNetworkHandler extends NetworkMapHandler<SplitNetworkCommand> {
  async execute({ id: networkId, body, context }: SplitNetworkCommand) {
    // A retried request with the same idempotency key must name the same new network.
    const newNetworkId = context.idempotencyKey ? deterministicId(context.department, 'network', context.idempotencyKey) : newId();
    const institutionIds = body.institutionIds.map((id) => id.toLowerCase());
    const result = await this.writer.decideOn(context, networkId, {
      command: () => ({ type: 'SplitNetwork', data: { networkId, newNetworkId, institutionIds, on: body.on, reason: body.reason, ...newNetworkDetails(body) } }),
    });
    return { ...result, id: newNetworkId };
  }
}
