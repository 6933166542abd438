import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult, deterministicId, newId } from '@app/kernel';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { RegisterNetworkCommand } from './register-network.command';

@CommandHandler(RegisterNetworkCommand)
export class RegisterNetworkHandler implements ICommandHandler<RegisterNetworkCommand> {
  constructor(private readonly writer: NetworkMapWriter) {}

  execute({ body, context }: RegisterNetworkCommand): Promise<WriteResult> {
    // A retried request with the same idempotency key must name the same network.
    const networkId = context.idempotencyKey ? deterministicId(context.department, 'network', context.idempotencyKey) : newId();
    return this.writer.execute({
      context,
      kind: body.kind,
      networkId,
      command: () => ({
        type: 'RegisterNetwork',
        data: {
          networkId,
          department: context.department,
          kind: body.kind,
          name: body.name.trim(),
          number: body.number?.trim() ?? null,
          description: body.description?.trim() || null,
          website: body.website ?? null,
        },
      }),
    });
  }
}
