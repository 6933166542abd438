import { Body, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, WriteController, WriteEndpoint } from '@app/platform/http';
import { RequestReportCommand } from './request-report.command';
import { RequestReportDto } from './request-report.dto';

@ApiController('reports')
export class RequestReportController extends WriteController {
  @Post()
  @Access('request-reports')
  @WriteEndpoint({
    summary:
      'Ask for a report, in a language and format: an annual analysis (a network, a period), a monitoring table (a network or the whole department, a range of years), a department summary (a period) or an institution profile; 202, and a job generates it; follow it at the Location (GET /reports/{id}), download it from /reports/{id}/content. A network head: its own networks’ analyses and tables, the profiles of institutions that are or were in them',
    status: 202,
    location: '/reports/:id',
    problems: [400, 401, 403, 409, 422],
  })
  request(@Body() body: RequestReportDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new RequestReportCommand(body, caller));
  }
}
