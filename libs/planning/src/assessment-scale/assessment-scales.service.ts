import { Inject, Injectable } from '@nestjs/common';
import { eventsOf, fold } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { assessmentScaleDecider, assessmentScaleEvents, assessmentScaleStream, gradesInForce } from './assessment-scale.decider';
import type { AssessmentScaleAnswer } from './get-assessment-scale.query';

/**
 * The departments' assessment scales, read from each department's own short stream (one event
 * per change, each the whole scale: the last one is enough), as the academic-year start is. So
 * every closing, and every reader, sees the scale as it is now; no read model is kept.
 */
@Injectable()
export class AssessmentScales {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(department: string): Promise<AssessmentScaleAnswer> {
    const events = await this.store.readStream(assessmentScaleStream(department), { direction: 'backwards', maxCount: 1 });
    const state = fold(assessmentScaleDecider, eventsOf(assessmentScaleEvents, events));
    return { department, isDefault: state.grades === null, grades: [...gradesInForce(state)] };
  }
}
