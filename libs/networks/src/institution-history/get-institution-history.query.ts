export class GetInstitutionHistoryQuery {
  constructor(
    readonly department: string,
    readonly institutionId: string,
    readonly consistentWith?: number,
  ) {}
}
