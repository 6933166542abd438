import type { AcademicYearStart } from '@app/kernel';
import { DepartmentCommand } from '@app/platform/commands';

/** Sets the day the caller's department's academic year starts. */
export class SetAcademicYearStartCommand extends DepartmentCommand<AcademicYearStart> {}
