/** Small helpers the wording of every language shares. */

/** The first letter in capitals: a line that begins with a kind or a name. */
export const capitalize = (text: string): string => (text ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text);

/**
 * The first letter in lower case when the word is not an abbreviation ("Руководитель округа" →
 * "руководитель округа", "МБОУ …" stays): a free text put inside a sentence.
 */
export const lowerFirst = (text: string): string => {
  const [first, second] = [...text];
  if (!first || !second || second !== second.toLocaleLowerCase()) return text;
  return first.toLocaleLowerCase() + text.slice(first.length);
};

/** The text as a sentence: capitalised, ending with a full stop unless it ends with other punctuation. */
export const sentence = (text: string): string => {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  return /[.!?…]$/.test(trimmed) ? capitalize(trimmed) : `${capitalize(trimmed)}.`;
};

/** Without a full stop at the end: a text that goes inside a sentence or a list. */
export const clause = (text: string): string => text.trim().replace(/[.;,]+$/, '');

/** "A, B і C" in the language's words for "and". */
export const listOf = (items: string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

/** The text with a full stop at its end, unless it ends with one already ("… 2021 р."). */
export const endSentence = (text: string): string => (/[.!?…]$/.test(text) ? text : `${text}.`);
