import { Decider, RuleViolated, assertNever } from '@app/kernel';
import { ReportTemplateEvent, ReportTemplateUploaded, reportTemplateStorageKey, templateKindLabel, templateRefOf } from './report-template.events';

export * from './report-template.events';

/*
 * A department's templates of one kind of report: the versions uploaded, in order, and the one
 * in force (the last uploaded, unless it was withdrawn). The DOCX was checked (its tags against
 * the kind's fields) and stored before the command is decided; the decider numbers the version
 * and keeps the rules of the history.
 */

type ReportKind = ReportTemplateUploaded['data']['report'];
type ReportTemplateRef = ReturnType<typeof templateRefOf>;

export interface ReportTemplateVersion {
  version: number;
  hash: string;
  size: number;
  fileName: string;
  storageKey: string;
  placeholders: string[];
}

export interface ReportTemplateState {
  versions: ReportTemplateVersion[];
  /** The version in force; null: the built-in template. */
  current: number | null;
}

export type UploadReportTemplate = { type: 'UploadReportTemplate'; data: Omit<ReportTemplateUploaded['data'], 'version'> };
export type WithdrawReportTemplate = { type: 'WithdrawReportTemplate'; data: { department: string; report: ReportKind } };
export type ReportTemplateCommand = UploadReportTemplate | WithdrawReportTemplate;

/** The longest file name a version records. */
export const MAX_TEMPLATE_FILE_NAME = 200;

const HASH = /^[0-9a-f]{64}$/;

/** The name a version is kept under: the last part of a path a browser may send, no control characters, at most {@link MAX_TEMPLATE_FILE_NAME}; empty when nothing is left. */
const fileNameOf = (given: string): string => {
  const cleaned = given
    .split(/[/\\]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return /^\.*$/.test(cleaned) ? '' : cleaned.slice(0, MAX_TEMPLATE_FILE_NAME);
};

export const evolveReportTemplate = (state: ReportTemplateState, event: ReportTemplateEvent): ReportTemplateState => {
  switch (event.type) {
    case 'ReportTemplateUploaded': {
      const { version, hash, size, fileName, storageKey, placeholders } = event.data;
      return { versions: [...state.versions, { version, hash, size, fileName, storageKey, placeholders }], current: version };
    }
    case 'ReportTemplateWithdrawn':
      return { ...state, current: null };
    default:
      return assertNever(event);
  }
};

/** The version in force, as a report's request records it; null: the built-in template. */
export const templateInForce = (state: ReportTemplateState): ReportTemplateRef | null => {
  const version = state.versions.find((v) => v.version === state.current);
  return version ? { version: version.version, hash: version.hash, storageKey: version.storageKey } : null;
};

const upload = (command: UploadReportTemplate['data'], state: ReportTemplateState): ReportTemplateEvent[] => {
  const { department, report, hash, size, storageKey, placeholders } = command;
  // The handler computed these; a command that breaks them is a bug, not a refusal.
  if (!HASH.test(hash) || !Number.isSafeInteger(size) || size <= 0) throw new RangeError('a template has a SHA-256 in hex and a size in bytes');
  if (storageKey !== reportTemplateStorageKey(department, report, hash)) throw new RangeError(`a template of ${department} is stored under ${reportTemplateStorageKey(department, report, hash)}`);
  // The same file as the version in force again: nothing new.
  const current = state.versions.find((v) => v.version === state.current);
  if (current && current.hash === hash) return [];
  const fileName = fileNameOf(command.fileName) || `${report}.docx`;
  const version = (state.versions[state.versions.length - 1]?.version ?? 0) + 1;
  return [{ type: 'ReportTemplateUploaded', data: { department, report, version, hash, size, fileName, storageKey, placeholders: [...placeholders] } }];
};

const withdraw = (command: WithdrawReportTemplate['data'], state: ReportTemplateState): ReportTemplateEvent[] => {
  if (state.current === null) {
    throw new RuleViolated('report-template-not-in-force', `the department has no template of its own in force for the ${templateKindLabel(command.report, 'en')}; it is rendered with the built-in one`);
  }
  return [{ type: 'ReportTemplateWithdrawn', data: { department: command.department, report: command.report, version: state.current } }];
};

export const reportTemplateDecider: Decider<ReportTemplateState, ReportTemplateCommand, ReportTemplateEvent> = {
  initialState: () => ({ versions: [], current: null }),
  evolve: evolveReportTemplate,
  decide: (command, state) => {
    switch (command.type) {
      case 'UploadReportTemplate':
        return upload(command.data, state);
      case 'WithdrawReportTemplate':
        return withdraw(command.data, state);
      default:
        return assertNever(command);
    }
  },
};
