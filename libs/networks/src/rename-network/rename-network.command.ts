import { CommandContext } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface RenameNetworkInput {
  name: string;
  renamedOn: string;
}

export class RenameNetworkCommand {
  constructor(
    readonly networkId: string,
    readonly body: RenameNetworkInput,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
