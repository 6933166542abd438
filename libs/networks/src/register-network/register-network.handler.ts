import { CommandHandler } from '@nestjs/cqrs';
import { deterministicId, newId } from '@app/kernel';
import { newNetworkDetails } from '../network-map/network-details';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { RegisterNetworkCommand } from './register-network.command';

@CommandHandler(RegisterNetworkCommand)
export class RegisterNetworkHandler extends NetworkMapHandler<RegisterNetworkCommand> {
  execute({ body, context }: RegisterNetworkCommand) {
    // A retried request with the same idempotency key must name the same network.
    const networkId = context.idempotencyKey ? deterministicId(context.department, 'network', context.idempotencyKey) : newId();
    return this.writer.execute({
      context,
      kind: body.kind,
      networkId,
      command: () => ({
        type: 'RegisterNetwork',
        data: { networkId, department: context.department, kind: body.kind, ...newNetworkDetails(body), ...(body.reportingPeriod ? { reportingPeriod: body.reportingPeriod } : {}) },
      }),
    });
  }
}
