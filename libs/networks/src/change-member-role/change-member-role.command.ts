import { ResourceCommand } from '@app/platform/commands';
import type { MemberRole } from '../network-map/network-map.decider';

export interface ChangeMemberRoleInput { role: MemberRole; from: string }

/** On the network and the member the path names. */
export class ChangeMemberRoleCommand extends ResourceCommand<ChangeMemberRoleInput & { institutionId: string }> {}
