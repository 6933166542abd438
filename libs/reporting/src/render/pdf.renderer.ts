import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnnualAnalysis } from '../annual-analysis/annual-analysis.model';
import { DocxRenderOptions, renderDocx } from './docx.renderer';

/** PDF was asked for and LibreOffice is not installed here (the API answers 501 with a problem saying so). */
export class LibreOfficeNotInstalledError extends Error {
  override readonly name = 'LibreOfficeNotInstalledError';
  readonly code = 'libreoffice-not-installed';
  constructor() {
    super('PDF is made by LibreOffice, and LibreOffice is not installed on this server (no soffice found)');
  }
}

/** LibreOffice ran and made no PDF: it could not open the document, failed or took too long. */
export class PdfConversionError extends Error {
  override readonly name = 'PdfConversionError';
  readonly code = 'pdf-conversion-failed';
}

export interface PdfOptions {
  /**
   * The LibreOffice executable to run, as `findSoffice(PATH)` found it where the process starts
   * (the environment is the composition root's to read); null or left out: not installed.
   */
  soffice?: string | null;
  /** How long LibreOffice may take. Default 120 s (its first start on a machine is slow). */
  timeoutMs?: number;
}

const NAMES = ['soffice', 'libreoffice'];

/** The LibreOffice executable on a search path (`soffice`, or `libreoffice` as some distributions call it), or null. */
export const findSoffice = (path: string | undefined): string | null => {
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
};

/**
 * Converts a DOCX to PDF with LibreOffice (`soffice --headless --convert-to pdf`), in a temp
 * directory of its own with a LibreOffice profile of its own, so conversions running at once do
 * not share (and lock) one profile. It is read with the DOCX import filter only, so a document
 * LibreOffice cannot open as a DOCX is a `PdfConversionError` (not a PDF of its bytes as text).
 */
export const convertDocxToPdf = async (docx: Buffer, options: PdfOptions = {}): Promise<Buffer> => {
  const soffice = options.soffice;
  if (!soffice) throw new LibreOfficeNotInstalledError();
  const dir = await mkdtemp(join(tmpdir(), 'report-pdf-'));
  try {
    const input = join(dir, 'report.docx');
    await writeFile(input, docx);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--nologo',
      // Read it as a DOCX and nothing else: LibreOffice would otherwise open a broken one as plain text.
      '--infilter=MS Word 2007 XML',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      dir,
      input,
    ];
    const outcome = await run(soffice, args, options.timeoutMs ?? 120_000);
    try {
      return await readFile(join(dir, 'report.pdf'));
    } catch {
      throw new PdfConversionError(`LibreOffice made no PDF${outcome ? `: ${outcome}` : ''}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** The annual analysis as PDF: its DOCX (`renderDocx`) converted by LibreOffice. */
export const renderPdf = async (model: AnnualAnalysis, options: DocxRenderOptions & PdfOptions = {}): Promise<Buffer> => {
  if (!options.soffice) throw new LibreOfficeNotInstalledError();
  return convertDocxToPdf(await renderDocx(model, options), options);
};

/** Runs LibreOffice; resolves with what it said when it went wrong (it often exits 0 regardless), rejects when it hung. */
const run = (file: string, args: string[], timeout: number): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(file, args, { timeout, killSignal: 'SIGKILL', maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const said = `${stderr}`.trim() || `${stdout}`.trim();
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new LibreOfficeNotInstalledError());
      if (error && error.killed) return reject(new PdfConversionError(`LibreOffice did not finish within ${Math.round(timeout / 1000)} s`));
      resolve(error ? `${error.message}${said ? ` (${said})` : ''}` : said.includes('Error') ? said : '');
    });
  });
