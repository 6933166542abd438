import { Injectable } from '@nestjs/common';
import { Command } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { NetworkMapWriter } from './network-map.writer';

/**
 * The handler of a command on a network's map: it maps the command to the map's command
 * through `this.writer` (mostly `decideOn`, see NetworkMapWriter). A subclass declares no
 * constructor, unless it needs more than the writer.
 */
@Injectable()
export abstract class NetworkMapHandler<C extends Command<WriteResult>> {
  constructor(protected readonly writer: NetworkMapWriter) {}

  abstract execute(command: C): Promise<WriteResult>;
}
