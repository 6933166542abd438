import { CommandContext } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface SplitNetworkInput {
  institutionIds: string[];
  on: string;
  reason: string;
  name: string;
  number?: string;
  description?: string;
  website?: string;
}

export class SplitNetworkCommand {
  constructor(
    readonly networkId: string,
    readonly body: SplitNetworkInput,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
