import { Query } from '@nestjs/cqrs';
import type { AcademicYearStart } from '@app/kernel';

/**
 * The day the department's academic year starts (1 September unless set): what periods such as
 * `2020/2021` mean for it. Read from the department's calendar stream, so it is always the
 * current setting; it reads no read model.
 */
export class GetAcademicYearStartQuery extends Query<AcademicYearStart> {
  static readonly reads = [];
  constructor(readonly department: string) {
    super();
  }
}
