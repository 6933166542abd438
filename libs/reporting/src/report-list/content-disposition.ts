/** Ukrainian letters in Latin ones (the national romanisation, simplified), for the file name old clients read (`filename=`). */
const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia',
  ё: 'e', ы: 'y', э: 'e', ъ: '', '№': 'No', '’': '', 'ʼ': '', '«': '', '»': '', '—': '-', '–': '-',
};

/** Where Russian spells them otherwise. */
const RUSSIAN: Record<string, string> = { г: 'g', и: 'i' };
/** Letters only Russian has: a name with one of them is spelled as Russian. */
const ONLY_RUSSIAN = /[ыэёъ]/i;

/** The name in printable ASCII: Cyrillic spelled in Latin letters (as Russian when it has ы, э, ё or ъ, else as Ukrainian), anything else left out; no quote or backslash. */
export const asciiFileName = (name: string): string => {
  const russian = ONLY_RUSSIAN.test(name);
  const spelled = [...name.normalize('NFC')]
    .map((char) => {
      const lower = char.toLowerCase();
      const latin = (russian ? RUSSIAN[lower] : undefined) ?? LATIN[lower];
      if (latin === undefined) return /[\x20-\x7e]/.test(char) ? char : '_';
      return char !== lower && latin ? latin[0].toUpperCase() + latin.slice(1) : latin;
    })
    .join('')
    .replace(/["\\]/g, '_')
    .replace(/_+/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  return spelled.replace(/^[_. ]+/, '') || 'report';
};

/** RFC 5987 `ext-value` of UTF-8 text: every byte but the attribute characters percent-encoded. */
const encodeExtValue = (text: string): string =>
  encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition` of a download (RFC 6266): `attachment` (or `inline`, for a preview the
 * browser shows), the name in ASCII for old clients (`filename="…"`) and in UTF-8
 * (`filename*=UTF-8''…`), which clients that know it use.
 */
export const contentDisposition = (fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string =>
  `${disposition}; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;

/**
 * What a document served by the API may load when a browser shows it: nothing from anywhere, its
 * own styles and inline pictures only (a report's HTML has inline SVG charts and one style sheet,
 * no script), so a preview cannot run or fetch anything whatever a record's text holds.
 */
export const REPORT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
