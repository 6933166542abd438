import { InvalidInput } from '@app/kernel';
import { NOT_KNOWN, inAcademicYear, inMonth, inYear, onDay, onDays } from '../event/when';
import { correctedHeldOf, whenOf } from './event-mapping';

describe('event mapping: a request’s when', () => {
  it('gives the domain’s when of each precision, in its one written form', () => {
    expect(whenOf({ precision: 'date', from: '2021-03-15' })).toEqual(onDay('2021-03-15'));
    expect(whenOf({ precision: 'date', from: '2021-03-15', to: '2021-03-15', startTime: '10:00', endTime: null })).toEqual(onDay('2021-03-15', '10:00'));
    expect(whenOf({ precision: 'date', from: '2021-03-15', to: '2021-03-17', startTime: '10:00', endTime: '12:00' })).toEqual(onDays('2021-03-15', '2021-03-17', '10:00', '12:00'));
    expect(whenOf({ precision: 'month', month: '2021-11' })).toEqual(inMonth('2021-11'));
    expect(whenOf({ precision: 'year', year: 2021 })).toEqual(inYear(2021));
    expect(whenOf({ precision: 'academic-year', academicYear: '2020/2021' })).toEqual(inAcademicYear('2020/2021'));
    expect(whenOf({ precision: 'not-known' })).toEqual(NOT_KNOWN);
  });

  it('refuses, field by field under the name given, what the handlers refuse before it', () => {
    expect(() => whenOf({ precision: 'month', year: 2021 }, 'held.when')).toThrow(InvalidInput);
    try {
      whenOf({ precision: 'month', year: 2021 }, 'held.when');
    } catch (error) {
      expect((error as InvalidInput).errors.map((e) => e.field).sort()).toEqual(['held.when.month', 'held.when.year']);
    }
  });

  it('maps a held event’s when only when a correction gives it', () => {
    expect(correctedHeldOf({ outcome: 'done' })).toEqual({ outcome: 'done' });
    expect(correctedHeldOf({ when: { precision: 'year', year: 2021 } })).toEqual({ when: inYear(2021) });
  });
});
