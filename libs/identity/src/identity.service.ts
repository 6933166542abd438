import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, CommandContext, NotFound, RuleViolated, WriteResult, deterministicId, eventsOf, fold, metadataFor, newId, systemClock } from '@app/kernel';
import { EVENT_STORE, EventStore, NO_STREAM_REVISION, StreamAppend, decideAndAppend } from '@app/event-store';
import { READ_STORE, ReadStore } from '@app/read-store';
import { CLOCK } from '@app/platform';
import type { Role } from '@app/platform/access';
import { ApiKeyIssued, ApiKeyState, BOOTSTRAP_STREAM, IssueApiKey, RevokeApiKey, apiKeyDecider, apiKeyStream } from './api-key.decider';
import { ApiKeyHasher, apiKeyIdOf, legacyApiKeyHash, newApiKeySecret } from './api-key-secret';
import { ApiKeyIssueState, apiKeyIssueDecider, apiKeyIssueStream } from './api-key-issue.decider';
import { apiKeyIssueEvents } from './api-key-issue.events';
import { API_KEYS, ApiKeyView } from './api-keys.projection';
import { DepartmentEvent, DepartmentState, adminKeysLeft, departmentDecider, departmentStream } from './department.decider';
import { apiKeyEvents } from './api-key.events';
import { departmentEvents } from './department.events';

/** DI token of the ApiKeyHasher (it holds the server's pepper). */
export const API_KEY_HASHER = Symbol('ApiKeyHasher');

export interface IssuedKey {
  keyId: string;
  /** The secret; shown once, never stored. */
  secret: string;
  actorId: string;
  role: Role;
  department: string;
  networkIds?: string[];
  expiresAt?: string;
  position: number;
}

export type KnownKey = Exclude<ApiKeyState, { status: 'none' }>;

/** A key as listed to its department's admins and auditors: never its hash. */
export interface ListedKey {
  keyId: string;
  actorId: string;
  role: Role;
  label: string;
  networkIds?: string[];
  issuedAt: string;
  expiresAt?: string;
  status: 'active' | 'revoked' | 'expired';
  revokedAt?: string;
  revokedReason?: string;
}

export interface IssueRequest {
  actorId: string;
  role: Role;
  department: string;
  label: string;
  secret?: string;
  networkIds?: string[];
  expiresAt?: string;
}

/** Events of the department's stream as an append at the revision it was read at (with an idempotency key, the same ids on a repeat). */
const appendOf = (streamId: string, revision: number, events: DepartmentEvent[], context: CommandContext): StreamAppend => ({
  streamId,
  expectedRevision: revision === NO_STREAM_REVISION ? 'no_stream' : revision,
  events: events.map((event, index) => ({
    id: context.idempotencyKey ? deterministicId(context.department, context.idempotencyKey, streamId, String(revision + 1 + index)) : newId(),
    type: event.type,
    data: event.data,
    metadata: metadataFor(context),
  })),
});

@Injectable()
export class IdentityService {
  private readonly logger = new Logger('identity');
  /** Which stream holds the key of a hash: a fact that never changes, so it may be remembered. */
  private readonly streamOfHash = new Map<string, string>();
  /** The folded state of each key stream seen, at the revision it was read at. */
  private readonly keyStates = new Map<string, { revision: number; state: KnownKey }>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(API_KEY_HASHER) private readonly hasher: ApiKeyHasher,
    @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Issues a key for an actor. The secret is returned once; only its keyed hash is recorded.
   * `networksElsewhere`: the networks the request names that are not networks of its
   * department, as the caller looked them up (the API's handler does; see IssueApiKeyHandler).
   *
   * With an Idempotency-Key, the issue is also recorded in the stream that key names in the
   * department (`ApiKeyIssue-…`), in the same append as the key's `ApiKeyIssued` and expected not
   * to exist yet; that stream is read on every attempt. A repeat — later, or at once, when its
   * append fails on that stream and it is decided again — issues nothing and is refused with
   * 409 `idempotency-key-reused` naming the key issued first: its secret cannot be shown again.
   */
  async issue(request: IssueRequest, context: CommandContext, options: { streamId?: string; networksElsewhere?: string[] } = {}): Promise<IssuedKey> {
    const secret = request.secret ?? newApiKeySecret();
    const keyHash = this.hasher.hash(secret);
    const keyId = apiKeyIdOf(keyHash);
    const expiresAt = request.expiresAt === undefined ? undefined : Number.isNaN(Date.parse(request.expiresAt)) ? request.expiresAt : new Date(request.expiresAt).toISOString();
    const data: ApiKeyIssued['data'] = {
      keyId,
      keyHash,
      actorId: request.actorId,
      role: request.role,
      department: request.department,
      label: request.label,
      ...(request.networkIds !== undefined ? { networkIds: [...new Set(request.networkIds)] } : {}),
      ...(expiresAt !== undefined ? { expiresAt } : {}),
    };
    const idempotencyKey = context.idempotencyKey;
    const issueStream = idempotencyKey === undefined ? undefined : apiKeyIssueStream(context.department, idempotencyKey);
    const result = await decideAndAppend({
      store: this.store,
      decider: apiKeyDecider,
      streamId: options.streamId ?? apiKeyStream(keyId),
      aggregateId: keyId,
      // The issue's stream, on every attempt: a request with the same key that got in first is seen there.
      readOthers: async (): Promise<{ revision: number; state: ApiKeyIssueState } | undefined> => {
        if (issueStream === undefined) return undefined;
        const events = await this.store.readStream(issueStream);
        return { revision: events.length ? events[events.length - 1].revision : NO_STREAM_REVISION, state: fold(apiKeyIssueDecider, eventsOf(apiKeyIssueEvents, events)) };
      },
      command: (_state, _prepared, issueRead): IssueApiKey => ({
        type: 'IssueApiKey',
        data: {
          ...data,
          issuedAt: context.receivedAt.toISOString(),
          ...(options.networksElsewhere?.length ? { networksElsewhere: options.networksElsewhere } : {}),
          ...(issueRead?.state.keyId !== undefined ? { keyIssuedBefore: issueRead.state.keyId } : {}),
        },
      }),
      companions: (_events, _state, issueRead) => {
        if (issueStream === undefined || idempotencyKey === undefined || !issueRead) return undefined;
        const claimed = apiKeyIssueDecider.decide({ type: 'ClaimApiKeyIssue', data: { department: context.department, keyId } }, issueRead.state);
        if (!claimed.length) return undefined;
        // Before the key: on a store that appends stream after stream, a repeat that loses the race writes nothing.
        return {
          before: [
            {
              streamId: issueStream,
              expectedRevision: issueRead.revision === NO_STREAM_REVISION ? 'no_stream' : issueRead.revision,
              // Never the id another attempt's claim has (it names this key): the store must take a second claim for a conflict, not for a retry of the first.
              events: claimed.map((event, index) => ({
                id: deterministicId(context.department, idempotencyKey, issueStream, keyId, String(index)),
                type: event.type,
                data: event.data,
                metadata: metadataFor(context),
              })),
            },
          ],
        };
      },
      context,
    });
    const { keyHash: _hash, label: _label, ...shown } = data;
    return { ...shown, secret, position: result.position };
  }

  /**
   * The key a presented secret belongs to, as the key's own stream in the event store has it
   * now, not a read model: a revocation holds from the moment it is recorded, in every process
   * that shares the event store.
   *
   * A key seen before is not read and folded again while its stream has not moved: one look at
   * the stream's revision (a primary-key lookup in SQLite) tells whether anything — a
   * revocation, here or in another process — was appended since. Expiry is the guard's, on
   * every request.
   */
  async keyOf(secret: string): Promise<KnownKey | null> {
    // The keyed hash is the one every key has been recorded under since the pepper; the legacy
    // one is worked out only for a secret not seen under it.
    const keyed = this.hasher.hash(secret);
    const knownKeyed = this.streamOfHash.get(keyed);
    const candidates = knownKeyed ? [keyed] : this.hasher.candidates(secret);
    const remembered = knownKeyed ?? candidates.map((hash) => this.streamOfHash.get(hash)).find((streamId) => streamId !== undefined);
    if (remembered) {
      const known = this.keyStates.get(remembered);
      if (known && (await this.store.streamRevision(remembered)) === known.revision && candidates.includes(known.state.keyHash)) return known.state;
    }
    // Each key has a stream of its own named after its hash; the very first admin key lives in the bootstrap stream.
    const streams = remembered ? [remembered] : [...candidates.map((hash) => apiKeyStream(apiKeyIdOf(hash))), BOOTSTRAP_STREAM];
    for (const streamId of streams) {
      const events = await this.store.readStream(streamId);
      const state = fold(apiKeyDecider, eventsOf(apiKeyEvents, events));
      if (state.status !== 'none' && candidates.includes(state.keyHash)) {
        this.streamOfHash.set(state.keyHash, streamId);
        this.keyStates.set(streamId, { revision: events[events.length - 1].revision, state });
        return state;
      }
    }
    return null;
  }

  /** A key of the department by its id, with the stream that holds it; another department's is unknown. */
  private async located(department: string, keyId: string): Promise<{ streamId: string; state: KnownKey }> {
    for (const streamId of [apiKeyStream(keyId), BOOTSTRAP_STREAM]) {
      const state = fold(apiKeyDecider, eventsOf(apiKeyEvents, await this.store.readStream(streamId)));
      if (state.status !== 'none' && state.keyId === keyId) {
        if (state.department !== department) break;
        return { streamId, state };
      }
    }
    throw new NotFound('API key', keyId);
  }

  /**
   * Revokes a key of the caller's department; from the recorded revocation on it is refused.
   * The department's last active admin key is kept (the rule is the decider's), unless
   * `evenTheLastAdmin`. The other active admin keys are looked up once, in the read model; every
   * revocation of an admin key also records `AdminKeyWithdrawn` in the department's stream, in
   * the same append and at the revision read on that attempt. So of two revocations of the last
   * two admin keys at once, one append fails on the department's stream, and that revocation is
   * decided again on what the other recorded: the last key's refusal.
   */
  async revoke(keyId: string, reason: string, context: CommandContext, options: { evenTheLastAdmin?: boolean } = {}): Promise<WriteResult> {
    const { streamId } = await this.located(context.department, keyId);
    const department = departmentStream(context.department);
    const isActiveAdmin = (state: ApiKeyState): state is KnownKey => state.status === 'active' && state.role === 'admin';
    const result = await decideAndAppend({
      store: this.store,
      decider: apiKeyDecider,
      streamId,
      aggregateId: keyId,
      context: { ...context, reason: reason.trim() || context.reason },
      admit: (state) => {
        if (state.status === 'none' || state.department !== context.department) throw new NotFound('API key', keyId);
      },
      prepare: async (state): Promise<string[] | undefined> => {
        if (options.evenTheLastAdmin || !isActiveAdmin(state)) return undefined;
        const keys = await this.list(context.department, context.receivedAt);
        return keys.filter((k) => k.role === 'admin' && k.status === 'active' && k.keyId !== keyId).map((k) => k.keyId);
      },
      // The department's stream, on every attempt: what it withdrew counts even before the key's own stream shows it.
      readOthers: async (state): Promise<{ revision: number; state: DepartmentState } | undefined> => {
        if (!isActiveAdmin(state)) return undefined;
        const events = await this.store.readStream(department);
        return { revision: events.length ? events[events.length - 1].revision : NO_STREAM_REVISION, state: fold(departmentDecider, eventsOf(departmentEvents, events)) };
      },
      command: (_state, otherActiveAdminKeys, departmentRead): RevokeApiKey => ({
        type: 'RevokeApiKey',
        data: {
          keyId,
          reason,
          ...(otherActiveAdminKeys !== undefined && departmentRead ? { otherActiveAdminKeys: adminKeysLeft(departmentRead.state, otherActiveAdminKeys).length } : {}),
        },
      }),
      companions: (_events, _state, departmentRead) => {
        if (!departmentRead) return undefined;
        const withdrawn = departmentDecider.decide({ type: 'WithdrawAdminKey', data: { department: context.department, keyId } }, departmentRead.state);
        if (!withdrawn.length) return undefined;
        // Before the key's revocation: on a store that appends stream after stream, a crash in between leaves the key uncounted, never counted twice.
        return { before: [appendOf(department, departmentRead.revision, withdrawn, context)] };
      },
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }

  /** The keys of a department as the read model has them, oldest first. */
  async list(department: string, now: Date): Promise<ListedKey[]> {
    const docs = (await this.readStore.find(API_KEYS, { where: { department }, sort: [{ field: 'issuedAt', direction: 'asc' }] })) as ApiKeyView[];
    return docs.map((d) => ({
      keyId: d.keyId,
      actorId: d.actorId,
      role: d.role,
      label: d.label,
      ...(d.networkIds ? { networkIds: d.networkIds as string[] } : {}),
      issuedAt: d.issuedAt,
      ...(d.expiresAt ? { expiresAt: d.expiresAt as string } : {}),
      status: !d.active ? 'revoked' : d.expiresAt && Date.parse(d.expiresAt as string) <= now.getTime() ? 'expired' : 'active',
      ...(d.revokedAt ? { revokedAt: d.revokedAt as string, revokedReason: d.revokedReason as string } : {}),
    }));
  }

  /**
   * Creates another department with its first admin key (shown once). Refused when the
   * department exists: created before, or holding keys already (the bootstrap one). The key is
   * recorded first, so that a crash never leaves a department nobody can enter; a lost race
   * revokes the loser's key.
   */
  async createDepartment(department: string, context: CommandContext): Promise<IssuedKey> {
    const hasKeys = (await this.readStore.count(API_KEYS, { department })) > 0;
    // Refused before any key is made when the department exists (or its name is invalid).
    const state = fold(departmentDecider, eventsOf(departmentEvents, await this.store.readStream(departmentStream(department))));
    departmentDecider.decide({ type: 'CreateDepartment', data: { department, firstAdminKeyId: 'pending', hasKeys } }, state);
    const issued = await this.issue({ actorId: 'admin', role: 'admin', department, label: `first admin of ${department}` }, { ...context, department });
    try {
      await decideAndAppend({
        store: this.store,
        decider: departmentDecider,
        streamId: departmentStream(department),
        aggregateId: department,
        context: { ...context, department },
        command: { type: 'CreateDepartment', data: { department, firstAdminKeyId: issued.keyId, hasKeys: false } },
      });
    } catch (error) {
      await this.revoke(issued.keyId, 'the department was created by another request at the same time', { ...context, department }, { evenTheLastAdmin: true }).catch(() => undefined);
      throw error;
    }
    return issued;
  }

  /**
   * Makes sure an admin can get in: the configured key is issued if it is not yet, and on a
   * first start without one a key is created and returned so that it can be printed once.
   * A configured key recorded under the old plain SHA-256 hash is recorded again under the
   * keyed hash and the old record revoked.
   */
  async bootstrapAdmin(options: { adminKey?: string; department: string }): Promise<{ created?: IssuedKey; position: number }> {
    const context: CommandContext = {
      actor: { id: 'system', role: 'system' },
      department: options.department,
      commandId: newId(),
      correlationId: newId(),
      source: 'system',
      reason: 'bootstrap admin key',
      receivedAt: this.clock.now(),
    };
    const request = { actorId: 'admin', role: 'admin' as const, department: options.department, label: 'bootstrap admin' };
    if (options.adminKey) {
      const keyId = apiKeyIdOf(this.hasher.hash(options.adminKey));
      const existing = await this.store.readStream(apiKeyStream(keyId));
      if (existing.length) return { position: existing[existing.length - 1].position };
      const issued = await this.issue({ ...request, secret: options.adminKey }, context);
      this.logger.log({ msg: 'admin key from OKRUG_ADMIN_KEY registered', keyId: issued.keyId });
      const legacyId = apiKeyIdOf(legacyApiKeyHash(options.adminKey));
      const legacy = fold(apiKeyDecider, eventsOf(apiKeyEvents, await this.store.readStream(apiKeyStream(legacyId))));
      if (legacy.status === 'active') {
        const revoked = await this.revoke(legacyId, 'recorded again under the keyed hash', { ...context, department: legacy.department }, { evenTheLastAdmin: true });
        return { position: revoked.position };
      }
      return { position: issued.position };
    }
    const existing = await this.store.readStream(BOOTSTRAP_STREAM);
    if (existing.length) return { position: existing[existing.length - 1].position };
    const created = await this.issue(request, context, { streamId: BOOTSTRAP_STREAM });
    return { created, position: created.position };
  }
}
