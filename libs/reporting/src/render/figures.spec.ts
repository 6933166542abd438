import { printChange, printCount, printShare } from './figures';

const NBSP = '\u00a0';

describe('figures as the tables print them', () => {
  it('given thousands, when printed, then they are grouped by a no-break space in Ukrainian and Russian, by a comma in English', () => {
    expect(printCount(12_482, 'uk')).toBe(`12${NBSP}482`);
    expect(printCount(1_234_567, 'ru')).toBe(`1${NBSP}234${NBSP}567`);
    expect(printCount(12_482, 'en')).toBe('12,482');
    expect(printCount(999, 'ru')).toBe('999');
    expect(printCount(0, 'uk')).toBe('0');
  });

  it('given a share, when printed, then it is a whole percentage, after a no-break space but in English; none prints nothing', () => {
    expect(printShare(0.75, 'uk')).toBe(`75${NBSP}%`);
    expect(printShare(0.333, 'ru')).toBe(`33${NBSP}%`);
    expect(printShare(1, 'en')).toBe('100%');
    expect(printShare(0, 'ru')).toBe(`0${NBSP}%`);
    expect(printShare(null, 'uk')).toBe('');
  });

  it('given a change, when printed, then it is signed with a plus or a true minus, 0 unsigned; nothing to compare prints nothing', () => {
    expect(printChange(70, 'uk')).toBe('+70');
    expect(printChange(-1_500, 'ru')).toBe(`\u22121${NBSP}500`);
    expect(printChange(0, 'en')).toBe('0');
    expect(printChange(null, 'en')).toBe('');
  });
});
