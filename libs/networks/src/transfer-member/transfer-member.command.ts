import { ResourceCommand } from '@app/platform/commands';
import type { MemberRole } from '../network-map/network-map.decider';

export interface TransferMemberInput {
  toNetworkId: string;
  on: string;
  reason: string;
  role?: MemberRole;
}

/** On the network and the member the path names. */
export class TransferMemberCommand extends ResourceCommand<TransferMemberInput & { institutionId: string }> {}
