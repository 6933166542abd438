import { institutionHistoryProjection } from './institution-history.projection';

export class GetInstitutionHistoryQuery {
  static readonly reads = [institutionHistoryProjection];
  constructor(
    readonly department: string,
    readonly institutionId: string,
    readonly consistentWith?: number,
  ) {}
}
