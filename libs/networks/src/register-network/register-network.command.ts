import { DepartmentCommand } from '@app/platform/commands';
import type { NetworkKind } from '../network-map/network-map.decider';

export interface RegisterNetworkInput {
  name: string;
  kind: NetworkKind;
  number?: string;
  description?: string;
  website?: string;
}

export class RegisterNetworkCommand extends DepartmentCommand<RegisterNetworkInput> {}
