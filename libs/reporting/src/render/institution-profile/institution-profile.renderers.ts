import type { InstitutionProfile } from '../../institution-profile/institution-profile.model';
import { fillDocxTemplate } from '../docx/docx-template';
import { languageTag } from '../docx/template-parts';
import { layoutHtml } from '../html.renderer';
import { layoutMarkdown } from '../markdown.renderer';
import { LibreOfficeNotInstalledError, PdfOptions, convertDocxToPdf } from '../pdf.renderer';
import { institutionProfileLayout } from './institution-profile.layout';
import { institutionProfileDocxTemplate } from './institution-profile.template';

export interface InstitutionProfileDocxOptions {
  /** A DOCX template over the profile's fields; the built-in layout of its language when left out. */
  template?: Buffer;
}

/** The institution profile as a standalone HTML page, every text escaped. */
export const renderInstitutionProfileHtml = (profile: InstitutionProfile): string => layoutHtml(institutionProfileLayout(profile));

/** The institution profile as Markdown: the title, a `##` heading per part, its lists. */
export const renderInstitutionProfileMarkdown = (profile: InstitutionProfile): string => layoutMarkdown(institutionProfileLayout(profile));

/** The institution profile as a DOCX on upright A4 pages: the built-in layout or the template given. The same profile gives the same bytes. */
export const renderInstitutionProfileDocx = async (profile: InstitutionProfile, options: InstitutionProfileDocxOptions = {}): Promise<Buffer> =>
  fillDocxTemplate(options.template ?? institutionProfileDocxTemplate(profile.language), profile, {
    title: profile.title,
    language: languageTag(profile.language),
    date: profile.basis.reportDate,
  });

/** The institution profile as PDF: its DOCX converted by LibreOffice. */
export const renderInstitutionProfilePdf = async (profile: InstitutionProfile, options: InstitutionProfileDocxOptions & PdfOptions = {}): Promise<Buffer> => {
  if (!options.soffice) throw new LibreOfficeNotInstalledError();
  return convertDocxToPdf(await renderInstitutionProfileDocx(profile, options), options);
};
