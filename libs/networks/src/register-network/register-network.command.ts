import type { ReportingPeriodKind } from '@app/kernel';
import { DepartmentCommand } from '@app/platform/commands';
import type { NetworkKind } from '../network-map/network-map.decider';

export interface RegisterNetworkInput {
  name: string;
  kind: NetworkKind;
  number?: string;
  description?: string;
  website?: string;
  reportingPeriod?: ReportingPeriodKind;
}

export class RegisterNetworkCommand extends DepartmentCommand<RegisterNetworkInput> {}
