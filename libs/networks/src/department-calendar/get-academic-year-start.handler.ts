import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AcademicYearStart } from '@app/kernel';
import { DepartmentCalendar } from './department-calendar.service';
import { GetAcademicYearStartQuery } from './get-academic-year-start.query';

@QueryHandler(GetAcademicYearStartQuery)
export class GetAcademicYearStartHandler implements IQueryHandler<GetAcademicYearStartQuery> {
  constructor(private readonly calendar: DepartmentCalendar) {}

  execute(query: GetAcademicYearStartQuery): Promise<AcademicYearStart> {
    return this.calendar.yearStart(query.department);
  }
}
