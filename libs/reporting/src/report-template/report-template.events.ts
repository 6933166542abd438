import { EventContracts, streamName } from '@app/kernel';
import { REPORT_KIND_LABELS, ReportKind, ReportTemplateRef } from '../report/report.events';

/*
 * A department's own DOCX template for a kind of report (docs/reporting.md, "Department
 * templates"). One aggregate per department and kind, its stream
 * `ReportTemplate-<department>-<kind>`: each version uploaded (numbered 1, 2… per kind, never
 * reused), and each withdrawal, after which the kind is rendered with the built-in template
 * again until a new version is uploaded. The DOCX itself is in the artifact store, stored before
 * the event that names it is recorded.
 */

/** Stream of a department's templates of one kind of report (`ReportTemplate-<department>-<kind>`). */
export const reportTemplateStream = (department: string, kind: ReportKind): string => streamName('ReportTemplate', `${department}-${kind}`);

/** Where the artifact store keeps a template's DOCX: `<department>/templates/<kind>/<sha-256>`. */
export const reportTemplateStorageKey = (department: string, kind: ReportKind, hash: string): string => `${department}/templates/${kind}/${hash}`;

/**
 * A version of the template uploaded: from now on the kind's reports are rendered with it (DOCX
 * and PDF), those requested before keep the version they recorded. `placeholders` are the tags
 * it has (`title`, `#eventsHeld`, `@chartImage.fulfilment`), each checked against the kind's
 * fields when it was uploaded.
 */
export type ReportTemplateUploaded = {
  type: 'ReportTemplateUploaded';
  data: {
    department: string;
    report: ReportKind;
    version: number;
    hash: string;
    size: number;
    fileName: string;
    storageKey: string;
    placeholders: string[];
  };
};

/** The template in force was withdrawn (`version`): the kind's reports are rendered with the built-in template again. */
export type ReportTemplateWithdrawn = { type: 'ReportTemplateWithdrawn'; data: { department: string; report: ReportKind; version: number } };

/** Every event of a template's stream. */
export type ReportTemplateEvent = ReportTemplateUploaded | ReportTemplateWithdrawn;

/** A version as a report's request records it. */
export const templateRefOf = (uploaded: ReportTemplateUploaded['data']): ReportTemplateRef => ({ version: uploaded.version, hash: uploaded.hash, storageKey: uploaded.storageKey });

/** The kind of report in words (`аналіз роботи`, `annual analysis`). */
export const templateKindLabel = (report: ReportKind, language: 'uk' | 'ru' | 'en'): string => REPORT_KIND_LABELS[report][language];
const kind = templateKindLabel;

/** What the platform knows of each template event. */
export const reportTemplateEvents: EventContracts<ReportTemplateEvent> = {
  ReportTemplateUploaded: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'department', id: d.department }],
    describe: (d) => ({
      uk: `Завантажено шаблон звіту «${kind(d.report, 'uk')}», версія ${d.version} (${d.fileName})`,
      ru: `Загружен шаблон отчета «${kind(d.report, 'ru')}», версия ${d.version} (${d.fileName})`,
      en: `Template of the report "${kind(d.report, 'en')}" uploaded, version ${d.version} (${d.fileName})`,
    }),
  },
  ReportTemplateWithdrawn: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'department', id: d.department }],
    describe: (d) => ({
      uk: `Шаблон звіту «${kind(d.report, 'uk')}» версії ${d.version} відкликано: діє вбудований`,
      ru: `Шаблон отчета «${kind(d.report, 'ru')}» версии ${d.version} отозван: действует встроенный`,
      en: `Template of the report "${kind(d.report, 'en')}" version ${d.version} withdrawn: the built-in one applies`,
    }),
  },
};
