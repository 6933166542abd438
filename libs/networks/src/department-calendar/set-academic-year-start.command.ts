import { AcademicYearStart, CommandContext } from '@app/kernel';

/** Sets the day the caller's department's academic year starts. */
export class SetAcademicYearStartCommand {
  constructor(
    readonly start: AcademicYearStart,
    readonly context: CommandContext,
  ) {}
}
