import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { NETWORK_WRITE } from '../network-map/network-map.writer';
import { SetNetworkReportingPeriodCommand } from './set-network-reporting-period.command';
import { SetNetworkReportingPeriodDto } from './set-network-reporting-period.dto';

@ApiController('networks')
export class SetNetworkReportingPeriodController extends WriteController {
  /** A setting of how the network plans: its head may set it, as it drafts its plans (`network-plans`: the path's network must be one of the key's). */
  @Post(':id/reporting-period')
  @Access('network-plans')
  @WriteEndpoint({ summary: 'Set how a network plans and reports: by academic year (the default) or by calendar year, for the plans drafted from now on', ...NETWORK_WRITE })
  handle(@Param('id', IdPipe) id: string, @Body() body: SetNetworkReportingPeriodDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new SetNetworkReportingPeriodCommand(id, body, caller));
  }
}
