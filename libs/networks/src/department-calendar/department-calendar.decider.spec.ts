import { RuleViolated } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { departmentCalendarDecider } from './department-calendar.decider';

const spec = DeciderSpecification.for(departmentCalendarDecider);

describe('department calendar', () => {
  it('sets the day the academic year starts', () => {
    const data = { department: 'remontnoye', month: 8, day: 15 };
    spec.given([]).when({ type: 'SetAcademicYearStart', data }).then([{ type: 'AcademicYearStartSet', data }]);
  });
  it('refuses a day some years do not have', () => {
    spec.given([]).when({ type: 'SetAcademicYearStart', data: { department: 'd', month: 2, day: 29 } }).thenThrows(RuleViolated, /not a day every year has/);
    spec.given([]).when({ type: 'SetAcademicYearStart', data: { department: 'd', month: 4, day: 31 } }).thenThrows(RuleViolated);
  });
  it('refuses setting the same day again', () => {
    const data = { department: 'd', month: 9, day: 1 };
    spec.given([{ type: 'AcademicYearStartSet', data }]).when({ type: 'SetAcademicYearStart', data }).thenThrows(RuleViolated, /already starts/);
  });
});
