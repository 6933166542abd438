import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InvalidInput, metadataExtrasOf } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { reportTemplateDecider, reportTemplateEvents, reportTemplateStorageKey, reportTemplateStream } from './report-template.decider';
import { ReportTemplateInvalid, UploadReportTemplateCommand, UploadReportTemplateResult, WithdrawReportTemplateCommand } from './report-template.commands';
import { ReportTemplates, templateHash } from './report-templates.service';
import { validateDocxTemplate } from './template-validation';

/**
 * Checks the DOCX (a template docxtemplater reads, every tag a field of the kind: 400 when it is
 * not a DOCX, 422 with one fault per tag otherwise), stores it in the artifact store under
 * `<department>/templates/<kind>/<sha-256>`, and only then records the version
 * (`ReportTemplateUploaded`). The same file as the version in force records nothing.
 */
@CommandHandler(UploadReportTemplateCommand)
export class UploadReportTemplateHandler implements ICommandHandler<UploadReportTemplateCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly templates: ReportTemplates,
  ) {}

  async execute({ body, context }: UploadReportTemplateCommand): Promise<UploadReportTemplateResult> {
    const { report, bytes, fileName } = body;
    const verdict = validateDocxTemplate(bytes, report);
    if (!verdict.valid) {
      if (!verdict.readable) throw new InvalidInput('the body is not a DOCX template', [{ field: '(body)', messages: verdict.faults.map((f) => f.message) }]);
      throw new ReportTemplateInvalid(report, verdict.faults);
    }
    const hash = templateHash(bytes);
    const storageKey = reportTemplateStorageKey(context.department, report, hash);
    await this.templates.keep(storageKey, bytes);
    let outcome = { version: 0, created: false };
    const result = await decideAndAppend({
      store: this.store,
      decider: reportTemplateDecider,
      streamId: reportTemplateStream(context.department, report),
      aggregateId: report,
      context,
      command: (state) => {
        const current = state.versions.find((v) => v.version === state.current);
        const created = !(current && current.hash === hash);
        outcome = { version: created ? (state.versions[state.versions.length - 1]?.version ?? 0) + 1 : current!.version, created };
        return { type: 'UploadReportTemplate' as const, data: { department: context.department, report, hash, size: bytes.length, fileName, storageKey, placeholders: verdict.placeholders } };
      },
      describe: (event) => metadataExtrasOf(reportTemplateEvents, event),
    });
    // A repeat under the same Idempotency-Key decides nothing: the first upload's version is the one at its revision.
    if (result.replayed) outcome = { version: await this.templates.versionAt(context.department, report, result.revision), created: true };
    return { id: report, revision: result.revision, position: result.position, ...outcome };
  }
}

/** Records `ReportTemplateWithdrawn`: the kind's reports are rendered with the built-in template again (the versions stay recorded and downloadable). */
@CommandHandler(WithdrawReportTemplateCommand)
export class WithdrawReportTemplateHandler implements ICommandHandler<WithdrawReportTemplateCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, context }: WithdrawReportTemplateCommand) {
    const result = await decideAndAppend({
      store: this.store,
      decider: reportTemplateDecider,
      streamId: reportTemplateStream(context.department, body.report),
      aggregateId: body.report,
      context,
      command: { type: 'WithdrawReportTemplate', data: { department: context.department, report: body.report } },
      describe: (event) => metadataExtrasOf(reportTemplateEvents, event),
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }
}
