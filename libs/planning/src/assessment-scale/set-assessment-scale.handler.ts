import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { assessmentScaleDecider, assessmentScaleStream } from './assessment-scale.decider';
import { SetAssessmentScaleCommand } from './set-assessment-scale.command';

@CommandHandler(SetAssessmentScaleCommand)
export class SetAssessmentScaleHandler implements ICommandHandler<SetAssessmentScaleCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, context }: SetAssessmentScaleCommand) {
    // The body as the decider reads it: plain data, checked again there field by field.
    const grades = JSON.parse(JSON.stringify(body?.grades ?? null));
    const result = await decideAndAppend({
      store: this.store,
      decider: assessmentScaleDecider,
      streamId: assessmentScaleStream(context.department),
      aggregateId: context.department,
      context,
      command: { type: 'SetAssessmentScale', data: { department: context.department, grades } },
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }
}
