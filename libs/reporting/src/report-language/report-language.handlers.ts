import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { reportLanguageDecider, reportLanguageStream } from './report-language.decider';
import { SetReportLanguageCommand } from './report-language.commands';
import { GetReportLanguageQuery, ReportLanguageAnswer } from './report-language.query';
import { ReportLanguages } from './report-languages.service';

@CommandHandler(SetReportLanguageCommand)
export class SetReportLanguageHandler implements ICommandHandler<SetReportLanguageCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, context }: SetReportLanguageCommand) {
    const result = await decideAndAppend({
      store: this.store,
      decider: reportLanguageDecider,
      streamId: reportLanguageStream(context.department),
      aggregateId: context.department,
      context,
      // The body as the decider reads it: checked again there.
      command: { type: 'SetReportLanguage', data: { department: context.department, language: body?.language } },
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }
}

@QueryHandler(GetReportLanguageQuery)
export class GetReportLanguageHandler implements IQueryHandler<GetReportLanguageQuery> {
  constructor(private readonly languages: ReportLanguages) {}

  async execute({ department }: GetReportLanguageQuery): Promise<ReportLanguageAnswer> {
    const language = await this.languages.of(department);
    return { department, language, isSet: language !== null };
  }
}
