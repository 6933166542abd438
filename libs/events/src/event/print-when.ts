import { LocalText } from '@app/kernel';
import { When, WhenOnDates } from './when';

/** A language a report is written in. */
export type Language = keyof LocalText;

/** Months in the genitive, as a day is written: "15 березня", "15 марта". */
const GENITIVE: Record<Language, readonly string[]> = {
  uk: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Months after "у" / "в" (locative, prepositional): "у березні", "в марте". */
const IN_MONTH: Record<Language, readonly string[]> = {
  uk: ['січні', 'лютому', 'березні', 'квітні', 'травні', 'червні', 'липні', 'серпні', 'вересні', 'жовтні', 'листопаді', 'грудні'],
  ru: ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'],
  en: GENITIVE.en,
};

/** The year as documents write it after a date: "2021 р.", "2021 г.", "2021". */
const yearWord = (year: number | string, lang: Language): string => (lang === 'uk' ? `${year} р.` : lang === 'ru' ? `${year} г.` : `${year}`);

const parts = (date: string) => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) - 1, day: Number(date.slice(8, 10)) });

/** "15 березня 2021 р.", "15 марта 2021 г.", "15 March 2021". */
const dayText = (date: string, lang: Language): string => {
  const { year, month, day } = parts(date);
  return `${day} ${GENITIVE[lang][month]} ${yearWord(year, lang)}`;
};

/** The times, "10:00", "10:00–12:00", or nothing. */
const timesText = (when: WhenOnDates, lang: Language): string => {
  const { startTime, endTime } = when;
  if (startTime && endTime && when.to === null) return `${startTime}–${endTime}`;
  if (startTime && endTime) return '';
  if (startTime) return startTime;
  if (endTime) return lang === 'uk' ? `до ${endTime}` : lang === 'ru' ? `до ${endTime}` : `until ${endTime}`;
  return '';
};

/** A range: "15–17 березня 2021 р.", "30 березня – 2 квітня 2021 р.", "30 грудня 2020 р. – 2 січня 2021 р.". */
const rangeText = (from: string, to: string, lang: Language): string => {
  const a = parts(from);
  const b = parts(to);
  if (a.year !== b.year) return `${dayText(from, lang)} – ${dayText(to, lang)}`;
  if (a.month !== b.month) return `${a.day} ${GENITIVE[lang][a.month]} – ${dayText(to, lang)}`;
  return `${a.day}–${dayText(to, lang)}`;
};

const datesText = (when: WhenOnDates, lang: Language): string => {
  if (when.to === null) {
    const times = timesText(when, lang);
    return times ? `${dayText(when.from, lang)}, ${times}` : dayText(when.from, lang);
  }
  // A range with times: the start on its first day, the end on its last.
  const start = when.startTime ? `${dayText(when.from, lang)}, ${when.startTime}` : null;
  const end = when.endTime ? `${dayText(when.to, lang)}, ${when.endTime}` : null;
  if (start || end) return `${start ?? dayText(when.from, lang)} – ${end ?? dayText(when.to, lang)}`;
  return rangeText(when.from, when.to, lang);
};

export interface PrintOptions {
  /**
   * The academic year the text is written for (a report of 2020/2021): an event of that whole
   * year is then "протягом року" / "в течение года" / "during the year", as the analyses write it.
   */
  academicYear?: string;
}

/**
 * How a report writes when an event took (or takes) place, in one language: exactly what is
 * known, never a day that is not ("у березні 2021 р.", "в течение года").
 */
export const printWhen = (when: When, lang: Language, options: PrintOptions = {}): string => {
  switch (when.precision) {
    case 'date':
      return datesText(when, lang);
    case 'month': {
      const year = Number(when.month.slice(0, 4));
      const month = Number(when.month.slice(5, 7)) - 1;
      if (lang === 'uk') return `у ${IN_MONTH.uk[month]} ${yearWord(year, lang)}`;
      if (lang === 'ru') return `в ${IN_MONTH.ru[month]} ${yearWord(year, lang)}`;
      return `in ${IN_MONTH.en[month]} ${year}`;
    }
    case 'year':
      return lang === 'uk' ? `у ${yearWord(when.year, lang)}` : lang === 'ru' ? `в ${yearWord(when.year, lang)}` : `in ${when.year}`;
    case 'academic-year':
      if (options.academicYear === when.academicYear) return lang === 'uk' ? 'протягом року' : lang === 'ru' ? 'в течение года' : 'during the year';
      if (lang === 'uk') return `протягом ${when.academicYear} н. р.`;
      if (lang === 'ru') return `в течение ${when.academicYear} учебного года`;
      return `during the ${when.academicYear} academic year`;
    case 'not-known':
      return lang === 'uk' ? 'дату не визначено' : lang === 'ru' ? 'дата не определена' : 'date not set';
  }
};

/** The same in every language a department reads. */
export const printWhenIn = (when: When, options: PrintOptions = {}): LocalText => ({
  uk: printWhen(when, 'uk', options),
  ru: printWhen(when, 'ru', options),
  en: printWhen(when, 'en', options),
});
