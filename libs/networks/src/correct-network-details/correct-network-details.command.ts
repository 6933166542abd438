import { CommandContext } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface CorrectNetworkDetailsInput {
  name?: string;
  number?: string | null;
  description?: string | null;
  website?: string | null;
  reason: string;
}

export class CorrectNetworkDetailsCommand {
  constructor(
    readonly networkId: string,
    readonly body: CorrectNetworkDetailsInput,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
