import { CommandHandler } from '@nestjs/cqrs';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { CorrectNetworkDetailsCommand } from './correct-network-details.command';

@CommandHandler(CorrectNetworkDetailsCommand)
export class CorrectNetworkDetailsHandler extends NetworkMapHandler<CorrectNetworkDetailsCommand> {
  execute({ id, body: { reason, ...fields }, context }: CorrectNetworkDetailsCommand) {
    // Stored trimmed, as registrations are; a description of only spaces is no description.
    const trimmed = (field: string, v: unknown) => (typeof v === 'string' ? v.trim() || (field === 'description' ? null : v.trim()) : v);
    const corrections = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined).map(([field, v]) => [field, trimmed(field, v)]));
    return this.writer.decideOn(context, id, { command: () => ({ type: 'CorrectNetworkDetails', data: { networkId: id, corrections, reason: reason.trim() } }) });
  }
}
