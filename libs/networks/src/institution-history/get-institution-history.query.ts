import { Query } from '@nestjs/cqrs';
import { HistoryEntry, institutionHistoryProjection } from './institution-history.projection';

/** An institution's history, oldest first. */
export interface InstitutionHistory {
  institutionId: string;
  entries: HistoryEntry[];
}

/** Every change of one institution: who, when, why, from what to what. */
export class GetInstitutionHistoryQuery extends Query<InstitutionHistory> {
  static readonly reads = [institutionHistoryProjection];
  constructor(
    readonly department: string,
    readonly institutionId: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}
