/*
 * The little of RFC 5545 (iCalendar) a subscribed calendar needs: content lines of
 * `NAME;PARAM=VALUE:value`, TEXT values escaped, lines folded at 75 octets, CRLF after each.
 */

/** A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as `\n`. */
export const escapeText = (text: string): string =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

const OCTETS = 75;

/**
 * One content line folded (RFC 5545 §3.1): no line longer than 75 octets of UTF-8, each
 * continuation begun with a space; never inside a character (Cyrillic letters are two octets).
 */
export const foldLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // A continuation line's leading space counts towards its 75 octets.
    const limit = parts.length === 0 ? OCTETS : OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

/** A property: its name, parameters and (already formatted) value. */
export interface Property {
  name: string;
  params?: Record<string, string>;
  value: string;
}

/** A component: `BEGIN:NAME`, its properties, its components, `END:NAME`. */
export interface Component {
  name: string;
  properties: Property[];
  components?: Component[];
}

const lineOf = ({ name, params, value }: Property): string =>
  `${name}${Object.entries(params ?? {})
    .map(([k, v]) => `;${k}=${v}`)
    .join('')}:${value}`;

const linesOf = (component: Component): string[] => [
  `BEGIN:${component.name}`,
  ...component.properties.map(lineOf),
  ...(component.components ?? []).flatMap(linesOf),
  `END:${component.name}`,
];

/** The text of an iCalendar object: every line folded and ended with CRLF. */
export const serialize = (calendar: Component): string => linesOf(calendar).map((line) => `${foldLine(line)}\r\n`).join('');

/** `2021-03-15` as a DATE, `20210315`. */
export const icsDate = (date: string): string => date.replace(/-/g, '');

/** `2021-03-15` and `10:00` as a floating local DATE-TIME, `20210315T100000`. */
export const icsLocalDateTime = (date: string, time: string): string => `${icsDate(date)}T${time.replace(':', '')}00`;

/** An ISO instant as a UTC DATE-TIME, `20210315T080000Z`. */
export const icsUtc = (instant: string): string => `${new Date(instant).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** The day after a date (an all-day event's DTEND is exclusive). */
export const dayAfter = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
