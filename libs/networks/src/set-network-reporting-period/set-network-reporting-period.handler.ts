import { CommandHandler } from '@nestjs/cqrs';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { SetNetworkReportingPeriodCommand } from './set-network-reporting-period.command';

@CommandHandler(SetNetworkReportingPeriodCommand)
export class SetNetworkReportingPeriodHandler extends NetworkMapHandler<SetNetworkReportingPeriodCommand> {
  execute({ id, body, context }: SetNetworkReportingPeriodCommand) {
    return this.writer.decideOn(context, id, { command: () => ({ type: 'SetNetworkReportingPeriod', data: { networkId: id, reportingPeriod: body.reportingPeriod } }) });
  }
}
