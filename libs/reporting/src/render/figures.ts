import type { ReportLanguage } from '../annual-analysis/annual-analysis.model';

/*
 * Numbers as the tables print them, by the language's typography, the same in every format and
 * on every machine (written out here rather than left to the runtime's locale data, which changes
 * with its version, so the same report stays the same bytes): thousands grouped by a no-break
 * space in Ukrainian and Russian ("12 345"), by a comma in English ("12,345"); a percentage after
 * a no-break space in Ukrainian and Russian ("75 %"), without one in English ("75%"); a change
 * signed, with a true minus ("+2", "−3", "0").
 */

const NBSP = '\u00a0';
const MINUS = '\u2212';

const GROUP: Record<ReportLanguage, string> = { uk: NBSP, ru: NBSP, en: ',' };

/** A whole number, its thousands grouped. */
export const printCount = (value: number, language: ReportLanguage): string => {
  const digits = String(Math.abs(Math.round(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP[language] ?? NBSP);
  return value < 0 && grouped !== '0' ? `${MINUS}${grouped}` : grouped;
};

/** A share (0.75) as a whole percentage ("75 %"); null (nothing to share) prints nothing. */
export const printShare = (share: number | null | undefined, language: ReportLanguage): string => {
  if (share === null || share === undefined) return '';
  const percent = printCount(Math.round(share * 100), language);
  return language === 'en' ? `${percent}%` : `${percent}${NBSP}%`;
};

/** A change against the period before, signed ("+2", "−3", "0"); null (nothing to compare) prints nothing. */
export const printChange = (change: number | null | undefined, language: ReportLanguage): string => {
  if (change === null || change === undefined) return '';
  const rounded = Math.round(change);
  return rounded > 0 ? `+${printCount(rounded, language)}` : printCount(rounded, language);
};
