import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';

/**
 * A command on the resource a request names: its id, what the caller asks (`body`, typed by the
 * command's input, which the DTO implements) and the caller's context. A command is then its name
 * and its types: `class CloseThingCommand extends ResourceCommand<CloseThingInput> {}`.
 *
 * Each subclass is a command of its own: `@CommandHandler` keys a handler by metadata it defines
 * on the class itself (`hasOwnMetadata`), never by what a base class holds, so two commands on one
 * base reach their own handlers (resource-command.spec.ts). No handler is ever declared for a base.
 */
export abstract class ResourceCommand<Input, Result = WriteResult> extends Command<Result> {
  constructor(
    readonly id: string,
    readonly body: Input,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A command that names no resource yet: a registration, a setting of the caller's department. */
export abstract class DepartmentCommand<Input, Result = WriteResult> extends Command<Result> {
  constructor(
    readonly body: Input,
    readonly context: CommandContext,
  ) {
    super();
  }
}
