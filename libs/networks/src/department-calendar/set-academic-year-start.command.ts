import { Command } from '@nestjs/cqrs';
import { AcademicYearStart, CommandContext, WriteResult } from '@app/kernel';

/** Sets the day the caller's department's academic year starts. */
export class SetAcademicYearStartCommand extends Command<WriteResult> {
  constructor(
    readonly start: AcademicYearStart,
    readonly context: CommandContext,
  ) {
    super();
  }
}
