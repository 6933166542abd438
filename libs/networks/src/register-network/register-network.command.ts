import { CommandContext } from '@app/kernel';
import type { NetworkKind } from '../network-map/network-map.decider';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface RegisterNetworkInput {
  name: string;
  kind: NetworkKind;
  number?: string;
  description?: string;
  website?: string;
}

export class RegisterNetworkCommand {
  constructor(
    readonly body: RegisterNetworkInput,
    readonly context: CommandContext,
  ) {}
}
