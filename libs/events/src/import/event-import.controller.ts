import { Body, Headers, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiController, ApiProblems, ProblemDto, RequestContext, commandContextFrom } from '@app/platform/http';
import { Problem, problemType } from '@app/platform';
import { CSV_LIST_SEPARATOR, EVENT_CSV_COLUMNS, MAX_EVENT_ROWS, readEventsImport } from './event-import-file';
import { EventImportSummaryDto, EventsImportQueryDto, EventsImportRequestDto } from './event-import.dto';
import { EventsImportService } from './event-import.service';

const CSV_DESCRIPTION =
  `CSV (text/csv, UTF-8, "," or ";"): header of the columns ${EVENT_CSV_COLUMNS.join(',')} (kind, topic, networks and when required); ` +
  `one event a row; several values in a cell separated by "${CSV_LIST_SEPARATOR}"; a count column per participant category.`;

@ApiController('events/imports', 'events')
export class EventsImportController {
  constructor(private readonly imports: EventsImportService) {}

  @Post()
  @Access('records')
  @ApiOperation({
    summary: `Import a department's list of events (JSON or CSV, at most ${MAX_EVENT_ROWS} rows), all rows or none`,
    description:
      'Each row is an event planned, or planned and held in one decision, by the rules of the event endpoints. Networks are named by name or id, ' +
      'institutions by externalCode, shortName or id, series by name (established when new). An event is identified by its key, else by its kind, topic, ' +
      'networks and date: what is already recorded is reported unchanged, never changed; importing the same file again creates nothing. ' +
      'Events are recorded with source "import".',
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiExtraModels(EventsImportRequestDto, EventImportSummaryDto, ProblemDto)
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(EventsImportRequestDto) }, { type: 'string', description: CSV_DESCRIPTION }] } })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Check everything and report what would be created; nothing is written' })
  @ApiOkResponse({ type: EventImportSummaryDto, description: 'A dry run, or an import with nothing new (every row unchanged)' })
  @ApiCreatedResponse({ type: EventImportSummaryDto, description: 'Imported: something was created' })
  @ApiResponse({
    status: 422,
    description: 'Some rows are rejected (type urn:okrug:problem:import-rejected); nothing was written. The summary says why, row by row and field by field.',
    content: {
      'application/problem+json': {
        schema: { allOf: [{ $ref: getSchemaPath(ProblemDto) }, { properties: { summary: { $ref: getSchemaPath(EventImportSummaryDto) } } }] },
      },
    },
  })
  @ApiProblems(400, 401, 403, 409, 503)
  async import(
    @Body() body: unknown,
    @Query() query: EventsImportQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @RequestContext() request: RequestContext,
    @Req() http: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EventImportSummaryDto | Problem> {
    const input = readEventsImport(body, contentType);
    const context = { ...commandContextFrom(principal, request), source: 'import' as const };
    const summary = await this.imports.run(input, context, { dryRun: query.dryRun ?? false });
    if (summary.counts.rejected > 0) {
      reply.status(422).header('Content-Type', 'application/problem+json; charset=utf-8');
      const rejected = summary.counts.rejected;
      return {
        type: problemType('import-rejected'),
        title: 'A rule refuses the change',
        status: 422,
        detail: `${rejected} ${rejected === 1 ? 'row is' : 'rows are'} rejected; ${summary.dryRun ? 'the import would write nothing' : 'nothing was imported'}`,
        instance: http.url,
        correlationId: request.correlationId,
        summary,
      };
    }
    const created = summary.counts.created.events + summary.counts.created.series > 0;
    reply.status(!summary.dryRun && created ? 201 : 200);
    return summary;
  }
}
