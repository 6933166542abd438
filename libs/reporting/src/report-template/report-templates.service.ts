import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Actor, NotFound, RecordedEvent, RuleViolated, eventsOf, fold } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ARTIFACT_STORE, ArtifactStore } from '../artifacts/artifact-store.port';
import { REPORT_KINDS, ReportFormat, ReportKind, ReportTemplateRef } from '../report/report.events';
import { TEMPLATED_FORMATS } from './templated-formats';
import { ReportTemplateEvent, ReportTemplateState, reportTemplateDecider, reportTemplateEvents, reportTemplateStream, templateInForce } from './report-template.decider';

/** A version of a department's template, as the API answers it. */
export interface ReportTemplateVersionAnswer {
  version: number;
  hash: string;
  size: number;
  fileName: string;
  /** Its tags, each once (`title`, `#eventsHeld`, `@chartImage.fulfilment`). */
  placeholders: string[];
  uploadedAt: string;
  uploadedBy: Actor;
  /** Whether reports requested now are rendered with it. */
  inForce: boolean;
  contentUrl: string;
}

/** A kind of report's templates: the version in force (null: the built-in template) and every version uploaded, oldest first. */
export interface ReportTemplateAnswer {
  report: ReportKind;
  builtIn: boolean;
  current: number | null;
  versions: ReportTemplateVersionAnswer[];
  /** When the last version in force was withdrawn, if the built-in template is in force after one of the department's. */
  withdrawnAt: string | null;
}

/** Every kind of report, each with the template it is rendered with now. */
export interface ReportTemplateList {
  items: Array<{ report: ReportKind; builtIn: boolean; current: ReportTemplateVersionAnswer | null; versions: number }>;
}

export interface ReportTemplateContent {
  bytes: Buffer;
  hash: string;
  fileName: string;
}

/** A version's DOCX, loaded for a report. */
export interface LoadedTemplate {
  version: number;
  bytes: Buffer;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The departments' templates, read from each department's short stream per kind (one event per
 * upload or withdrawal), as the assessment scale is: every request and every reader sees the
 * version in force now, and no read model is kept. Their DOCX files are in the artifact store,
 * each checked against the hash its version recorded when it is read.
 */
@Injectable()
export class ReportTemplates {
  private readonly logger = new Logger('report-templates');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ARTIFACT_STORE) private readonly artifacts: ArtifactStore,
  ) {}

  private async history(department: string, kind: ReportKind): Promise<{ state: ReportTemplateState; events: RecordedEvent<ReportTemplateEvent>[] }> {
    const events = eventsOf(reportTemplateEvents, await this.store.readStream(reportTemplateStream(department, kind))) as RecordedEvent<ReportTemplateEvent>[];
    return { state: fold(reportTemplateDecider, events), events };
  }

  /** The version a report of the kind requested now is rendered with; null: the built-in template. */
  async inForce(department: string, kind: ReportKind): Promise<ReportTemplateRef | null> {
    return templateInForce((await this.history(department, kind)).state);
  }

  async get(department: string, kind: ReportKind): Promise<ReportTemplateAnswer> {
    const { state, events } = await this.history(department, kind);
    const versions = events.flatMap((event): ReportTemplateVersionAnswer[] =>
      event.type === 'ReportTemplateUploaded'
        ? [
            {
              version: event.data.version,
              hash: event.data.hash,
              size: event.data.size,
              fileName: event.data.fileName,
              placeholders: event.data.placeholders,
              uploadedAt: event.metadata.recordedAt,
              uploadedBy: { id: event.metadata.actor.id, role: event.metadata.actor.role },
              inForce: event.data.version === state.current,
              contentUrl: `/report-templates/${kind}/versions/${event.data.version}/content`,
            },
          ]
        : [],
    );
    const last = events[events.length - 1];
    return { report: kind, builtIn: state.current === null, current: state.current, versions, withdrawnAt: last?.type === 'ReportTemplateWithdrawn' ? last.metadata.recordedAt : null };
  }

  async list(department: string): Promise<ReportTemplateList> {
    const kinds = await Promise.all(REPORT_KINDS.map((kind) => this.get(department, kind)));
    return {
      items: kinds.map((k) => ({ report: k.report, builtIn: k.builtIn, current: k.versions.find((v) => v.inForce) ?? null, versions: k.versions.length })),
    };
  }

  /** The version uploaded at a revision of the stream (the answer to a repeated upload). */
  async versionAt(department: string, kind: ReportKind, revision: number): Promise<number> {
    const { events } = await this.history(department, kind);
    const event = events.find((e) => e.revision === revision);
    return event?.type === 'ReportTemplateUploaded' ? event.data.version : 0;
  }

  /** A version's DOCX, as uploaded. */
  async content(department: string, kind: ReportKind, version: number): Promise<ReportTemplateContent> {
    const stored = (await this.history(department, kind)).state.versions.find((v) => v.version === version);
    if (!stored) throw new NotFound('report template version', `${kind} ${version}`);
    return { bytes: await this.load(department, { version, hash: stored.hash, storageKey: stored.storageKey }), hash: stored.hash, fileName: stored.fileName };
  }

  /**
   * A version's DOCX from the artifact store, checked against the hash it recorded: a missing or
   * changed file is refused (422 `report-template-lost`, and a report that needs it fails), never used.
   */
  async load(department: string, ref: ReportTemplateRef): Promise<Buffer> {
    if (!ref.storageKey.startsWith(`${department}/templates/`)) throw new RangeError(`a template of ${department} is stored under ${department}/templates/`);
    const bytes = await this.artifacts.get(ref.storageKey);
    if (!bytes || sha256(bytes) !== ref.hash) {
      this.logger.error(`template version ${ref.version} (${ref.storageKey}) is ${bytes ? 'changed' : 'missing'} in the artifact store`);
      throw new RuleViolated('report-template-lost', `the department's template version ${ref.version} is ${bytes ? 'not the file that was uploaded' : 'missing'} in the artifact store; upload it again`);
    }
    return bytes;
  }

  /** The template a report's request recorded, loaded for the formats rendered through one (DOCX, PDF); null: the built-in one. */
  async loadFor(request: { department: string; format: ReportFormat; template?: ReportTemplateRef | null }): Promise<LoadedTemplate | null> {
    if (!request.template || !TEMPLATED_FORMATS.includes(request.format)) return null;
    return { version: request.template.version, bytes: await this.load(request.department, request.template) };
  }

  /** Stores a template's DOCX under its key, before the version that names it is recorded. */
  async keep(key: string, bytes: Uint8Array): Promise<void> {
    await this.artifacts.put(key, bytes);
  }
}

export { sha256 as templateHash };
