import { Body, Delete, Get, Param, Put, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidInput } from '@app/kernel';
import { Problem, problemType } from '@app/platform';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiController, ApiProblems, Caller, CommandContext, HttpStatusError, ProblemDto, RequestContext, WriteController, WriteEndpoint } from '@app/platform/http';
import { REPORT_KINDS, ReportKind } from '../report/report.events';
import { contentDisposition } from '../report-list/content-disposition';
import { ReportTemplateInvalid, UploadReportTemplateCommand, UploadReportTemplateResult, WithdrawReportTemplateCommand } from './report-template.commands';
import {
  DOCX_CONTENT_TYPE,
  ReportKindPipe,
  ReportTemplateDto,
  ReportTemplateListDto,
  TemplateFaultDto,
  TemplateVersionPipe,
  UploadReportTemplateQueryDto,
  UploadReportTemplateResultDto,
} from './report-template.dto';
import { ReportTemplateAnswer, ReportTemplateList, ReportTemplates } from './report-templates.service';
import { MAX_TEMPLATE_BYTES } from './template-validation';

const KIND = { name: 'kind', enum: REPORT_KINDS, description: 'The kind of report' } as const;

/**
 * A department's own DOCX templates, per kind of report (docs/reporting.md, "Department
 * templates"): uploaded and withdrawn by its admins, read by every role of the department. Each
 * department sees only its own; a kind without one is rendered with the built-in template.
 */
@ApiController('report-templates', 'reports')
export class ReportTemplateController extends WriteController {
  constructor(
    commands: CommandBus,
    private readonly templates: ReportTemplates,
  ) {
    super(commands);
  }

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'Every kind of report with the template it is rendered with now: your department’s version in force, or the built-in one (builtIn)' })
  @ApiOkResponse({ type: ReportTemplateListDto })
  @ApiProblems(401)
  list(@CurrentPrincipal() principal: Principal): Promise<ReportTemplateList> {
    return this.templates.list(principal.department);
  }

  @Get(':kind')
  @Access('read')
  @ApiParam(KIND)
  @ApiOperation({ summary: 'A kind of report’s templates: the version in force (null: the built-in one) and every version your department uploaded, with its tags' })
  @ApiOkResponse({ type: ReportTemplateDto })
  @ApiProblems(400, 401)
  get(@Param('kind', ReportKindPipe) kind: ReportKind, @CurrentPrincipal() principal: Principal): Promise<ReportTemplateAnswer> {
    return this.templates.get(principal.department, kind);
  }

  @Get(':kind/versions/:version/content')
  @Access('read')
  @ApiParam(KIND)
  @ApiParam({ name: 'version', type: Number, description: 'The version (1, 2…)' })
  @ApiOperation({ summary: 'A version’s DOCX, as it was uploaded; ETag its SHA-256; 422 report-template-lost when the stored file is missing or changed' })
  @ApiProduces(DOCX_CONTENT_TYPE)
  @ApiResponse({ status: 200, description: 'The DOCX', content: { [DOCX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400, 401, 404, 422)
  async content(
    @Param('kind', ReportKindPipe) kind: ReportKind,
    @Param('version', TemplateVersionPipe) version: number,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const content = await this.templates.content(principal.department, kind, version);
    reply.header('Content-Type', DOCX_CONTENT_TYPE);
    reply.header('Content-Disposition', contentDisposition(content.fileName));
    reply.header('ETag', `"${content.hash}"`);
    reply.header('X-Content-Type-Options', 'nosniff');
    return content.bytes;
  }

  @Put(':kind')
  @Access('department-admin')
  @ApiParam(KIND)
  @ApiOperation({
    summary:
      'Upload a version of your department’s DOCX template for a kind of report: the file is the body (Content-Type ' +
      `${DOCX_CONTENT_TYPE}, at most ${MAX_TEMPLATE_BYTES} bytes); its tags name the fields of the report’s data model ({title}, {#eventsHeld}{text}{/eventsHeld}, {@chartImage.fulfilment}). ` +
      'Checked first: not a DOCX is 400; a tag the kind cannot fill is 422 report-template-invalid, each listed in errors; nothing is recorded then. ' +
      '201 with the new version; 200 when it is the file in force already. Reports requested from now on (DOCX, PDF) are rendered with it',
  })
  @ApiConsumes(DOCX_CONTENT_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key gives the same answer and one change' })
  @ApiExtraModels(UploadReportTemplateResultDto, TemplateFaultDto, ProblemDto)
  @ApiCreatedResponse({ type: UploadReportTemplateResultDto, description: 'A new version, in force from now on; Location: the kind’s templates' })
  @ApiOkResponse({ type: UploadReportTemplateResultDto, description: 'The same file as the version in force: nothing new' })
  @ApiResponse({
    status: 422,
    description:
      'A tag the kind cannot fill (type urn:okrug:problem:report-template-invalid), each in errors with its tag, part and why: an unknown field, raw XML ({@…}) other than chartImage.* and table.*, an unclosed loop…; nothing was recorded',
    content: { 'application/problem+json': { schema: { allOf: [{ $ref: getSchemaPath(ProblemDto) }, { properties: { errors: { type: 'array', items: { $ref: getSchemaPath(TemplateFaultDto) } } } }] } } },
  })
  @ApiProblems(400, 401, 403, 409, 413, 415)
  async upload(
    @Param('kind', ReportKindPipe) kind: ReportKind,
    @Query() query: UploadReportTemplateQueryDto,
    @Body() body: unknown,
    @Caller() caller: CommandContext,
    @RequestContext() request: RequestContext,
    @Req() http: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (body === undefined || body === null || (Buffer.isBuffer(body) && body.length === 0)) {
      throw new InvalidInput('the body is empty', [{ field: '(body)', messages: [`send the DOCX file as the body, with Content-Type ${DOCX_CONTENT_TYPE}`] }]);
    }
    if (!Buffer.isBuffer(body)) throw new HttpStatusError(415, `a template is sent as the DOCX file itself, with Content-Type ${DOCX_CONTENT_TYPE}`);
    let result: UploadReportTemplateResult;
    try {
      result = (await this.commands.execute(new UploadReportTemplateCommand({ report: kind, bytes: body, fileName: query.fileName ?? '' }, caller))) as unknown as UploadReportTemplateResult;
    } catch (error) {
      if (!(error instanceof ReportTemplateInvalid)) throw error;
      const problem: Problem = {
        type: problemType(error.code),
        title: 'A rule refuses the change',
        status: 422,
        detail: error.message,
        instance: http.url,
        correlationId: request.correlationId,
        errors: error.faults as unknown as Problem['errors'],
      };
      reply.status(422).header('Content-Type', 'application/problem+json; charset=utf-8').send(problem);
      return;
    }
    const { created, ...answer } = result;
    reply.status(created ? 201 : 200).header('Location', `/report-templates/${kind}`).send(answer);
  }

  @Delete(':kind')
  @Access('department-admin')
  @ApiParam(KIND)
  @WriteEndpoint({
    summary: 'Withdraw your department’s template in force for a kind of report: reports requested from now on are rendered with the built-in template (its versions stay recorded); 422 report-template-not-in-force when the built-in one is in force already',
    problems: [400, 401, 403, 409, 422],
  })
  withdraw(@Param('kind', ReportKindPipe) kind: ReportKind, @Caller() caller: CommandContext) {
    return this.commands.execute(new WithdrawReportTemplateCommand({ report: kind }, caller));
  }
}
