import PizZip from 'pizzip';
import type { IsoDate } from '@app/kernel';

/**
 * Writes a zip (a DOCX) so that the same content gives the same bytes: every entry gets the
 * same timestamp (the report's date, not the time it was written), entries come in a fixed
 * order (`[Content_Types].xml` first, as Word writes it, then by name), no folder entries, one
 * compression level.
 *
 * A zip's timestamps are local times without a zone (MS-DOS format) and the zip library writes
 * a `Date`'s local fields, so the day is built from local fields too: midnight of the report's
 * date reads the same on a machine in any time zone.
 */
export const writeZipDeterministically = (zip: PizZip, day: IsoDate): Buffer => {
  const date = localMidnight(day);
  const names = Object.keys(zip.files)
    .filter((name) => !zip.files[name].dir)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out = new PizZip();
  for (const name of names) out.file(name, zip.files[name].asUint8Array(), { binary: true, date, createFolders: false });
  return out.generate({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
};

const rank = (name: string): number => (name === '[Content_Types].xml' ? 0 : name.startsWith('_rels/') ? 1 : 2);

/** `2020-10-25` → 25 October 2020, 00:00 local time (a zip cannot hold dates before 1980). */
export const localMidnight = (day: IsoDate): Date => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a date: ${day}`);
  const year = Math.max(1980, Number(match[1]));
  return new Date(year, Number(match[2]) - 1, Number(match[3]), 0, 0, 0, 0);
};
