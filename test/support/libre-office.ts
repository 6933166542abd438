import { convertDocxToPdf, findSoffice } from '@app/reporting/render/renderers';
import { queueOnRedis, readModelsInMongo } from './profile';

/** LibreOffice as the tests find it on the PATH; null where it is not installed (the tests that need it say they are skipped). */
export const SOFFICE = findSoffice(process.env.PATH);

let said = false;

/**
 * Converts a DOCX the tests produced to PDF with LibreOffice, as CI does with every DOCX the
 * suites make: a document LibreOffice cannot open throws, and so fails the test. Where
 * LibreOffice is not installed, or in the distributed profile's run (the DOCX is the same), it says so
 * once and checks nothing.
 */
export const expectOpensInLibreOffice = async (docx: Buffer): Promise<void> => {
  // The same records give the same DOCX in every profile (the bytes are the report's, not the stores'): the embedded run opens them.
  const why = !SOFFICE ? 'LibreOffice (soffice) is not installed here' : readModelsInMongo || queueOnRedis ? 'the same DOCX is opened in the embedded profile’s run' : null;
  if (why) {
    if (!said) process.stdout.write(`[skipped] DOCX opened by LibreOffice: ${why}\n`);
    said = true;
    return;
  }
  const pdf = await convertDocxToPdf(docx, { soffice: SOFFICE });
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('LibreOffice made no PDF of the DOCX');
};
