import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AssessmentScales } from './assessment-scales.service';
import { AssessmentScaleAnswer, GetAssessmentScaleQuery } from './get-assessment-scale.query';

@QueryHandler(GetAssessmentScaleQuery)
export class GetAssessmentScaleHandler implements IQueryHandler<GetAssessmentScaleQuery> {
  constructor(private readonly scales: AssessmentScales) {}

  execute(query: GetAssessmentScaleQuery): Promise<AssessmentScaleAnswer> {
    return this.scales.of(query.department);
  }
}
