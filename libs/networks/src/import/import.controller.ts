import { Body, Controller, Headers, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, ProblemDto, RequestContext, commandContextFrom } from '@app/platform/http';
import { Problem, problemType } from '@app/platform';
import { CSV_COLUMNS, readImport } from './import-file';
import { ImportQueryDto, ImportRequestDto, ImportSummaryDto } from './import.dto';
import { ImportService } from './import.service';

const CSV_DESCRIPTION =
  `CSV (text/csv, UTF-8, "," or ";"): header ${CSV_COLUMNS.join(',')}; one row per institution; ` +
  'with network filled the row also makes it a member (role member, partner or anchor) of that network from `from`.';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @Access('records')
  @ApiOperation({
    summary: 'Import institutions and networks with their members (JSON or CSV), all rows or none',
    description:
      'Registered institutions are matched by externalCode, else by shortName and settlement; networks by kind, name and number. ' +
      'What is already recorded is reported unchanged, never changed; importing the same file again creates nothing. ' +
      'Events are recorded with source "import".',
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiExtraModels(ImportRequestDto, ImportSummaryDto, ProblemDto)
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(ImportRequestDto) }, { type: 'string', description: CSV_DESCRIPTION }] } })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Validate everything and report what would be created; nothing is written' })
  @ApiOkResponse({ type: ImportSummaryDto, description: 'A dry run, or an import with nothing new (every row unchanged)' })
  @ApiCreatedResponse({ type: ImportSummaryDto, description: 'Imported: something was created' })
  @ApiResponse({
    status: 422,
    description: 'Some rows are rejected (type urn:okrug:problem:import-rejected); nothing was written. The summary says why, row by row.',
    content: {
      'application/problem+json': {
        schema: { allOf: [{ $ref: getSchemaPath(ProblemDto) }, { properties: { summary: { $ref: getSchemaPath(ImportSummaryDto) } } }] },
      },
    },
  })
  @ApiProblems(400, 401, 403, 409, 503)
  async import(
    @Body() body: unknown,
    @Query() query: ImportQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @RequestContext() request: RequestContext,
    @Req() http: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportSummaryDto | Problem> {
    const input = readImport(body, contentType);
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
    const created = Object.values(summary.counts.created).some((n) => n > 0);
    reply.status(!summary.dryRun && created ? 201 : 200);
    return summary;
  }
}
