import { InvalidInput } from '@app/kernel';
import { printWhen, printWhenIn } from './print-when';
import {
  NOT_KNOWN,
  When,
  compareWhen,
  daySpanOf,
  fallsIn,
  inAcademicYear,
  inMonth,
  inYear,
  onDay,
  onDays,
  referenceDayOf,
  sameWhen,
  validWhen,
  whenAgainstPeriod,
  whenProblems,
} from './when';

const fields = (value: unknown) => whenProblems(value).map((p) => p.field);

describe('when', () => {
  describe('validation', () => {
    it('accepts every precision', () => {
      for (const when of [onDay('2021-03-15'), onDays('2021-03-15', '2021-03-17', '10:00', '16:00'), inMonth('2021-03'), inYear(2021), inAcademicYear('2020/2021'), NOT_KNOWN]) {
        expect(whenProblems(when)).toEqual([]);
      }
    });
    it('refuses a day that is not in the calendar', () => {
      expect(fields(onDay('2021-02-29'))).toEqual(['when.from']);
      expect(fields(onDay('2020-02-29'))).toEqual([]);
      expect(fields(onDay('2021-13-01'))).toEqual(['when.from']);
      expect(fields(onDays('2021-04-01', '2021-04-31'))).toEqual(['when.to']);
    });
    it('refuses a range that ends before it begins', () => {
      expect(whenProblems(onDays('2021-03-17', '2021-03-15'))).toEqual([{ field: 'when.to', messages: ['to (2021-03-15) is before from (2021-03-17)'] }]);
    });
    it('refuses times that are not HH:MM, and an end before the start on one day', () => {
      expect(fields(onDay('2021-03-15', '9:00'))).toEqual(['when.startTime']);
      expect(fields(onDay('2021-03-15', '10:00', '24:00'))).toEqual(['when.endTime']);
      expect(fields(onDay('2021-03-15', '12:00', '10:00'))).toEqual(['when.endTime']);
      // Over several days the end is on the last day: an earlier hour is fine.
      expect(fields(onDays('2021-03-15', '2021-03-16', '12:00', '10:00'))).toEqual([]);
    });
    it('refuses a month, year or academic year that is not one, and an unknown precision or field', () => {
      expect(fields(inMonth('2021-3'))).toEqual(['when.month']);
      expect(fields(inMonth('2021-00'))).toEqual(['when.month']);
      expect(fields(inYear(2021.5))).toEqual(['when.year']);
      expect(fields(inAcademicYear('2020/2022'))).toEqual(['when.academicYear']);
      expect(fields({ precision: 'week' })).toEqual(['when.precision']);
      expect(fields({ precision: 'month', month: '2021-03', from: '2021-03-01' })).toEqual(['when.from']);
      expect(fields(null)).toEqual(['when']);
    });
    it('throws the problems field by field, and writes a one-day range as that day', () => {
      expect(() => validWhen(onDay('2021-02-30'), 'heldWhen')).toThrow(InvalidInput);
      try {
        validWhen(onDay('2021-02-30'), 'heldWhen');
      } catch (error) {
        expect((error as InvalidInput).errors.map((e) => e.field)).toEqual(['heldWhen.from']);
      }
      expect(validWhen({ precision: 'date', from: '2021-03-15', to: '2021-03-15' })).toEqual(onDay('2021-03-15'));
      expect(validWhen({ precision: 'academic-year', academicYear: ' 2020/2021 ' })).toEqual(inAcademicYear('2020/2021'));
    });
    it('tells two whens that say the same', () => {
      expect(sameWhen(onDay('2021-03-15'), validWhen({ precision: 'date', from: '2021-03-15' }))).toBe(true);
      expect(sameWhen(onDay('2021-03-15'), onDay('2021-03-15', '10:00'))).toBe(false);
      expect(sameWhen(inMonth('2021-03'), inMonth('2021-04'))).toBe(false);
    });
  });

  describe('the days it may fall on', () => {
    it('is the day, the range, the month, the year, the academic year from the department’s start day, or nothing', () => {
      expect(daySpanOf(onDay('2021-03-15'))).toEqual({ first: '2021-03-15', last: '2021-03-15' });
      expect(daySpanOf(onDays('2021-03-15', '2021-03-17'))).toEqual({ first: '2021-03-15', last: '2021-03-17' });
      expect(daySpanOf(inMonth('2020-02'))).toEqual({ first: '2020-02-01', last: '2020-02-29' });
      expect(daySpanOf(inYear(2021))).toEqual({ first: '2021-01-01', last: '2021-12-31' });
      expect(daySpanOf(inAcademicYear('2020/2021'))).toEqual({ first: '2020-09-01', last: '2021-08-31' });
      expect(daySpanOf(inAcademicYear('2020/2021'), { month: 8, day: 15 })).toEqual({ first: '2020-08-15', last: '2021-08-14' });
      expect(daySpanOf(NOT_KNOWN)).toBeNull();
    });
    it('checks rules on the first of them, or on today when the date is not known', () => {
      expect(referenceDayOf(inMonth('2021-03'), '2020-10-01')).toBe('2021-03-01');
      expect(referenceDayOf(NOT_KNOWN, '2020-10-01')).toBe('2020-10-01');
    });
  });

  describe('sorting', () => {
    const sorted = (whens: When[]) => [...whens].sort((a, b) => compareWhen(a, b)).map((w) => printWhen(w, 'en'));
    it('puts a month-only event after the dated events of its month, a year-only one after its year’s, the unknown last', () => {
      expect(
        sorted([NOT_KNOWN, inYear(2021), inMonth('2021-03'), onDay('2021-04-01'), onDay('2021-03-31', '18:00'), onDay('2021-03-02'), inMonth('2021-12'), onDay('2021-12-31')]),
      ).toEqual(['2 March 2021', '31 March 2021, 18:00', 'in March 2021', '1 April 2021', '31 December 2021', 'in December 2021', 'in 2021', 'date not set']);
    });
    it('puts a day without a time before the timed events of that day, and a range by its first day', () => {
      expect(sorted([onDay('2021-03-15', '10:00'), onDays('2021-03-14', '2021-03-16'), onDay('2021-03-15'), onDay('2021-03-15', '09:00')])).toEqual([
        '14–16 March 2021',
        '15 March 2021',
        '15 March 2021, 09:00',
        '15 March 2021, 10:00',
      ]);
    });
    it('puts an academic-year-only event after the last month of its academic year', () => {
      expect(sorted([inAcademicYear('2020/2021'), inMonth('2021-08'), onDay('2021-09-01'), inMonth('2021-06')])).toEqual([
        'in June 2021',
        'in August 2021',
        'during the 2020/2021 academic year',
        '1 September 2021',
      ]);
    });
  });

  describe('periods', () => {
    const year2020 = { kind: 'academic-year' as const, academicYear: '2020/2021' };
    it('places a dated event in every period one of its days is in', () => {
      expect(fallsIn(onDay('2020-09-01'), year2020)).toBe(true);
      expect(fallsIn(onDay('2020-08-31'), year2020)).toBe(false);
      expect(fallsIn(onDays('2021-03-30', '2021-04-02'), { kind: 'month', month: '2021-04' })).toBe(true);
      expect(whenAgainstPeriod(onDays('2021-03-30', '2021-04-02'), { kind: 'month', month: '2021-04' })).toBe('overlaps');
      expect(fallsIn(onDay('2021-05-10'), { kind: 'range', from: '2021-05-01', to: '2021-05-10' })).toBe(true);
    });
    it('places a less precise event only in a period that holds all the days it may fall on', () => {
      expect(fallsIn(inMonth('2021-03'), year2020)).toBe(true);
      expect(fallsIn(inMonth('2021-03'), { kind: 'calendar-year', year: 2021 })).toBe(true);
      expect(fallsIn(inMonth('2021-03'), { kind: 'range', from: '2021-03-10', to: '2021-04-30' })).toBe(false);
      expect(fallsIn(inYear(2021), year2020)).toBe(false);
      expect(whenAgainstPeriod(inYear(2021), year2020)).toBe('overlaps');
      expect(fallsIn(inAcademicYear('2020/2021'), year2020)).toBe(true);
      expect(fallsIn(inAcademicYear('2020/2021'), { kind: 'calendar-year', year: 2021 })).toBe(false);
      expect(fallsIn(NOT_KNOWN, year2020)).toBe(false);
    });
    it('takes the academic year from the department’s start day', () => {
      expect(fallsIn(onDay('2021-08-20'), year2020)).toBe(true);
      expect(fallsIn(onDay('2021-08-20'), year2020, { month: 8, day: 15 })).toBe(false);
    });
  });

  describe('printing', () => {
    it('writes a day with its month in the genitive', () => {
      expect(printWhenIn(onDay('2021-03-15'))).toEqual({ uk: '15 березня 2021 р.', ru: '15 марта 2021 г.', en: '15 March 2021' });
      const genitive = (lang: 'uk' | 'ru') => Array.from({ length: 12 }, (_, m) => printWhen(onDay(`2021-${String(m + 1).padStart(2, '0')}-01`), lang).split(' ')[1]);
      expect(genitive('uk')).toEqual(['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня']);
      expect(genitive('ru')).toEqual(['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря']);
    });
    it('writes the times that are known', () => {
      expect(printWhenIn(onDay('2021-03-15', '10:00', '12:30'))).toEqual({ uk: '15 березня 2021 р., 10:00–12:30', ru: '15 марта 2021 г., 10:00–12:30', en: '15 March 2021, 10:00–12:30' });
      expect(printWhen(onDay('2021-03-15', '10:00'), 'ru')).toBe('15 марта 2021 г., 10:00');
      expect(printWhen(onDays('2021-03-15', '2021-03-17', '10:00', '16:00'), 'uk')).toBe('15 березня 2021 р., 10:00 – 17 березня 2021 р., 16:00');
    });
    it('writes a range once for what its ends share', () => {
      expect(printWhenIn(onDays('2021-03-15', '2021-03-17'))).toEqual({ uk: '15–17 березня 2021 р.', ru: '15–17 марта 2021 г.', en: '15–17 March 2021' });
      expect(printWhen(onDays('2021-03-30', '2021-04-02'), 'uk')).toBe('30 березня – 2 квітня 2021 р.');
      expect(printWhen(onDays('2020-12-30', '2021-01-02'), 'ru')).toBe('30 декабря 2020 г. – 2 января 2021 г.');
    });
    it('writes a month, a year, an academic year without inventing a day', () => {
      expect(printWhenIn(inMonth('2021-03'))).toEqual({ uk: 'у березні 2021 р.', ru: 'в марте 2021 г.', en: 'in March 2021' });
      const inEach = (lang: 'uk' | 'ru') => Array.from({ length: 12 }, (_, m) => printWhen(inMonth(`2020-${String(m + 1).padStart(2, '0')}`), lang).split(' ')[1]);
      expect(inEach('uk')).toEqual(['січні', 'лютому', 'березні', 'квітні', 'травні', 'червні', 'липні', 'серпні', 'вересні', 'жовтні', 'листопаді', 'грудні']);
      expect(inEach('ru')).toEqual(['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре']);
      expect(printWhenIn(inYear(2021))).toEqual({ uk: 'у 2021 р.', ru: 'в 2021 г.', en: 'in 2021' });
      expect(printWhenIn(inAcademicYear('2020/2021'))).toEqual({
        uk: 'протягом 2020/2021 н. р.',
        ru: 'в течение 2020/2021 учебного года',
        en: 'during the 2020/2021 academic year',
      });
    });
    it('writes "during the year" in a report of that very year, and says when the date is not set', () => {
      expect(printWhenIn(inAcademicYear('2020/2021'), { academicYear: '2020/2021' })).toEqual({ uk: 'протягом року', ru: 'в течение года', en: 'during the year' });
      expect(printWhen(inAcademicYear('2020/2021'), 'ru', { academicYear: '2021/2022' })).toBe('в течение 2020/2021 учебного года');
      expect(printWhenIn(NOT_KNOWN)).toEqual({ uk: 'дату не визначено', ru: 'дата не определена', en: 'date not set' });
    });
  });
});
