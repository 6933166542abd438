import { CommandContext } from '@app/kernel';
import { SetAnchorDto } from './set-anchor.dto';

export class SetAnchorCommand {
  constructor(
    readonly networkId: string,
    readonly body: SetAnchorDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
