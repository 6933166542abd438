import type { ReportingPeriodKind } from '@app/kernel';
import { ResourceCommand } from '@app/platform/commands';

export interface SetNetworkReportingPeriodInput {
  reportingPeriod: ReportingPeriodKind;
}

export class SetNetworkReportingPeriodCommand extends ResourceCommand<SetNetworkReportingPeriodInput> {}
