import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

/**
 * A controller of writes: each route maps the request to a command and sends it on the bus,
 * `this.commands`. A subclass declares no constructor; Nest gives it the one inherited here.
 */
@Injectable()
export abstract class WriteController {
  constructor(protected readonly commands: CommandBus) {}
}
