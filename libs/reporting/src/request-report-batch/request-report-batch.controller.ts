import { Body, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, WriteController, WriteEndpoint } from '@app/platform/http';
import { RequestReportBatchCommand } from './request-report-batch.command';
import { RequestReportBatchDto } from './request-report-batch.dto';

@ApiController('report-batches')
export class RequestReportBatchController extends WriteController {
  @Post()
  @Access('request-reports')
  @WriteEndpoint({
    summary:
      'Ask for every network’s annual analysis for a period, in a language and format: one report per network of the department that reports by that kind of year and existed during it (the others listed as skipped, with the reason); 202, and the reports are generated one by one; follow the batch at the Location (GET /report-batches/{id}), each network’s report with its progress. Admins and operators (a batch covers every network: not a network head)',
    status: 202,
    location: '/report-batches/:id',
    problems: [400, 401, 403, 409, 422],
  })
  request(@Body() body: RequestReportBatchDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new RequestReportBatchCommand(body, caller));
  }
}
