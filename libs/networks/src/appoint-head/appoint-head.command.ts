import { CommandContext } from '@app/kernel';
import { AppointHeadDto } from './appoint-head.dto';

export class AppointHeadCommand {
  constructor(
    readonly networkId: string,
    readonly body: AppointHeadDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
