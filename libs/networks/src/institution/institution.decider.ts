import { Decider, FieldError, InvalidInput, IsoDate, RuleViolated, assertNever } from '@app/kernel';
import { DETAIL_FIELDS, INSTITUTION_KINDS, InstitutionDetails, InstitutionEvent } from './institution.events';

export * from './institution.events';
// ---- commands --------------------------------------------------------------------------------

/**
 * Facts about other institutions that a command needs and that the handler looks up:
 * which institution (if any) of the department already holds the external code.
 */
export interface ExternalCodeHolder {
  externalCodeHeldBy?: string | null;
}

export type RegisterInstitution = {
  type: 'RegisterInstitution';
  data: { institutionId: string; department: string } & InstitutionDetails & ExternalCodeHolder;
};
export type RenameInstitution = {
  type: 'RenameInstitution';
  data: { institutionId: string; fullName: string; shortName: string; renamedOn: IsoDate };
};
export type CorrectInstitutionDetails = {
  type: 'CorrectInstitutionDetails';
  data: { institutionId: string; corrections: Partial<InstitutionDetails>; reason: string } & ExternalCodeHolder;
};
export type CloseInstitution = {
  type: 'CloseInstitution';
  data: { institutionId: string; closedOn: IsoDate; reason: string };
};
export type ReopenInstitution = {
  type: 'ReopenInstitution';
  data: { institutionId: string; reopenedOn: IsoDate; reason: string | null };
};

export type InstitutionCommand =
  | RegisterInstitution
  | RenameInstitution
  | CorrectInstitutionDetails
  | CloseInstitution
  | ReopenInstitution;

// ---- state -----------------------------------------------------------------------------------

export type InstitutionState =
  | { status: 'unregistered' }
  | ({ status: 'open' | 'closed'; institutionId: string; department: string; closedOn: IsoDate | null } & InstitutionDetails);

export const initialInstitutionState = (): InstitutionState => ({ status: 'unregistered' });

export const evolveInstitution = (state: InstitutionState, event: InstitutionEvent): InstitutionState => {
  switch (event.type) {
    case 'InstitutionRegistered': {
      const { institutionId, department, ...details } = event.data;
      return { status: 'open', institutionId, department, closedOn: null, ...details };
    }
    case 'InstitutionRenamed':
      if (state.status === 'unregistered') return state;
      return { ...state, fullName: event.data.fullName, shortName: event.data.shortName };
    case 'InstitutionDetailsCorrected':
      if (state.status === 'unregistered') return state;
      return { ...state, ...event.data.corrections };
    case 'InstitutionClosed':
      if (state.status === 'unregistered') return state;
      return { ...state, status: 'closed', closedOn: event.data.closedOn };
    case 'InstitutionReopened':
      if (state.status === 'unregistered') return state;
      return { ...state, status: 'open', closedOn: null };
    default:
      return assertNever(event);
  }
};

// ---- decisions -------------------------------------------------------------------------------

const refuse = (rule: string, message: string): never => {
  throw new RuleViolated(rule, message);
};

const registered = (state: InstitutionState, id: string) => {
  if (state.status === 'unregistered') return refuse('institution-not-registered', `institution ${id} is not registered`);
  return state;
};

const assertCodeFree = (holder: string | null | undefined, self: string, code: string | null | undefined): void => {
  if (code && holder && holder !== self) {
    refuse('external-code-taken', `external code ${code} already belongs to institution ${holder} in this department`);
  }
};

export const register = (command: RegisterInstitution, state: InstitutionState): InstitutionEvent[] => {
  if (state.status !== 'unregistered') {
    return refuse('institution-already-registered', `institution ${command.data.institutionId} is already registered`);
  }
  const { externalCodeHeldBy, ...data } = command.data;
  assertCodeFree(externalCodeHeldBy, data.institutionId, data.externalCode);
  return [{ type: 'InstitutionRegistered', data }];
};

export const rename = (command: RenameInstitution, state: InstitutionState): InstitutionEvent[] => {
  const current = registered(state, command.data.institutionId);
  if (current.status === 'closed') {
    return refuse('institution-closed', 'a closed institution cannot be renamed; reopen it or correct its details');
  }
  if (current.fullName === command.data.fullName && current.shortName === command.data.shortName) {
    return refuse('nothing-to-change', 'the institution already has this name');
  }
  return [{ type: 'InstitutionRenamed', data: command.data }];
};

/** The details every institution has; a correction may change them, never clear them. */
export const REQUIRED_DETAIL_FIELDS = ['fullName', 'shortName', 'kind', 'settlement'] as const;

/** The required details a correction would leave empty (null, blank) or invalid, field by field. */
const clearedRequiredDetails = (corrections: Partial<Record<keyof InstitutionDetails, unknown>>): FieldError[] =>
  REQUIRED_DETAIL_FIELDS.flatMap((field): FieldError[] => {
    const value = corrections[field];
    if (value === undefined) return [];
    if (field === 'kind') {
      return (INSTITUTION_KINDS as readonly unknown[]).includes(value) ? [] : [{ field, messages: [`kind must be one of ${INSTITUTION_KINDS.join(', ')}; it cannot be cleared`] }];
    }
    return typeof value === 'string' && value.trim() ? [] : [{ field, messages: [`${field} is required: correct it to another value, it cannot be cleared`] }];
  });

export const correctDetails = (command: CorrectInstitutionDetails, state: InstitutionState): InstitutionEvent[] => {
  const current = registered(state, command.data.institutionId);
  const cleared = clearedRequiredDetails(command.data.corrections);
  if (cleared.length) throw new InvalidInput('a correction cannot clear the required details of an institution', cleared);
  const reason = command.data.reason?.trim();
  if (!reason) return refuse('reason-required', 'a correction needs a reason');
  const changed: Partial<InstitutionDetails> = {};
  for (const field of DETAIL_FIELDS) {
    const value = command.data.corrections[field];
    if (value !== undefined && value !== current[field]) (changed as Record<string, unknown>)[field] = value;
  }
  if (Object.keys(changed).length === 0) return refuse('nothing-to-change', 'the correction changes nothing');
  assertCodeFree(command.data.externalCodeHeldBy, current.institutionId, changed.externalCode);
  return [{ type: 'InstitutionDetailsCorrected', data: { institutionId: current.institutionId, corrections: changed, reason } }];
};

export const close = (command: CloseInstitution, state: InstitutionState): InstitutionEvent[] => {
  const current = registered(state, command.data.institutionId);
  if (current.status === 'closed') return refuse('institution-closed', `institution is already closed since ${current.closedOn}`);
  const reason = command.data.reason?.trim();
  if (!reason) return refuse('reason-required', 'closing an institution needs a reason');
  return [{ type: 'InstitutionClosed', data: { ...command.data, reason } }];
};

export const reopen = (command: ReopenInstitution, state: InstitutionState): InstitutionEvent[] => {
  const current = registered(state, command.data.institutionId);
  if (current.status !== 'closed') return refuse('institution-open', 'only a closed institution can be reopened');
  if (current.closedOn && command.data.reopenedOn < current.closedOn) {
    return refuse('reopened-before-closed', `an institution closed on ${current.closedOn} cannot reopen on ${command.data.reopenedOn}`);
  }
  return [{ type: 'InstitutionReopened', data: command.data }];
};

export const decideInstitution = (command: InstitutionCommand, state: InstitutionState): InstitutionEvent[] => {
  switch (command.type) {
    case 'RegisterInstitution':
      return register(command, state);
    case 'RenameInstitution':
      return rename(command, state);
    case 'CorrectInstitutionDetails':
      return correctDetails(command, state);
    case 'CloseInstitution':
      return close(command, state);
    case 'ReopenInstitution':
      return reopen(command, state);
    default:
      return assertNever(command);
  }
};

export const institutionDecider: Decider<InstitutionState, InstitutionCommand, InstitutionEvent> = {
  initialState: initialInstitutionState,
  evolve: evolveInstitution,
  decide: decideInstitution,
};
