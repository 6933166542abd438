import type { ReportFormat } from '../report/report.events';

/** The formats rendered through a DOCX template (PDF is the DOCX converted); HTML, Markdown, JSON and XLSX ignore templates. */
export const TEMPLATED_FORMATS: readonly ReportFormat[] = ['docx', 'pdf'];
