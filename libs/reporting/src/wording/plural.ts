import type { ReportLanguage } from '../annual-analysis/annual-analysis.model';

/**
 * The forms of a counted noun, by the plural categories of `Intl.PluralRules` (CLDR): Ukrainian
 * and Russian count with `one` (1, 21, 101…), `few` (2–4, 22–24…) and `many` (0, 5–20, 25…);
 * English with `one` and `other`. `other` is what a category without a form of its own takes
 * (in Ukrainian and Russian: fractions, which counts never are).
 */
export interface CountForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

/** Forms of a Ukrainian or Russian noun: `one`, `few`, `many` (and `other` = `many`). */
export const slavic = (one: string, few: string, many: string): CountForms => ({ one, few, many, other: many });
/** Forms of an English noun: `one` and `other`. */
export const english = (one: string, other: string): CountForms => ({ one, other });

const rules = new Map<ReportLanguage, Intl.PluralRules>();
const rulesOf = (language: ReportLanguage): Intl.PluralRules => {
  let found = rules.get(language);
  if (!found) rules.set(language, (found = new Intl.PluralRules(language)));
  return found;
};

/** The form for a count: "семінари" for 3, "семінарів" for 5 (uk). */
export const formFor = (count: number, forms: CountForms, language: ReportLanguage): string => {
  const category = rulesOf(language).select(count);
  return (category === 'one' || category === 'few' || category === 'many' ? forms[category] : undefined) ?? forms.other;
};

/** The count and its noun: "3 семінари", "5 семінарів"; "3 семинара", "5 семинаров"; "1 seminar", "2 seminars". */
export const countText = (count: number, forms: CountForms, language: ReportLanguage): string => `${count} ${formFor(count, forms, language)}`;

/** The genitive plural ("для педагогічних працівників"), which is the form of "many" in Ukrainian and Russian. */
export const genitivePlural = (forms: CountForms): string => forms.many ?? forms.other;
