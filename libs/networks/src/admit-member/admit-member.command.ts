import { ResourceCommand } from '@app/platform/commands';
import type { MemberRole } from '../network-map/network-map.decider';

export interface AdmitMemberInput { institutionId: string; role: MemberRole; from: string }

export class AdmitMemberCommand extends ResourceCommand<AdmitMemberInput> {}
