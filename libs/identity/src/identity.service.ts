import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandContext, newId } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { ApiKeyIssued, Role, apiKeyDecider, apiKeyStream } from './api-key.decider';
import { apiKeyIdOf, hashApiKey, newApiKeySecret } from './api-key-secret';

/** Stream whose existence says the first admin key was made. */
const BOOTSTRAP_STREAM = 'api-key-bootstrap-admin';

export interface IssuedKey {
  keyId: string;
  /** The secret; shown once, never stored. */
  secret: string;
  actorId: string;
  role: Role;
  department: string;
  position: number;
}

@Injectable()
export class IdentityService {
  private readonly logger = new Logger('identity');
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Issues a key for an actor. The secret is returned once; only its hash is recorded. */
  async issue(
    request: { actorId: string; role: Role; department: string; label: string; secret?: string },
    context: CommandContext,
    streamId?: string,
  ): Promise<IssuedKey> {
    const secret = request.secret ?? newApiKeySecret();
    const keyHash = hashApiKey(secret);
    const keyId = apiKeyIdOf(keyHash);
    const data: ApiKeyIssued['data'] = { keyId, keyHash, actorId: request.actorId, role: request.role, department: request.department, label: request.label };
    const result = await decideAndAppend({
      store: this.store,
      decider: apiKeyDecider,
      streamId: streamId ?? apiKeyStream(keyId),
      aggregateId: keyId,
      command: { type: 'IssueApiKey', data },
      context,
    });
    return { keyId, secret, actorId: request.actorId, role: request.role, department: request.department, position: result.position };
  }

  /**
   * Makes sure an admin can get in: the configured key is issued if it is not yet, and on a
   * first start without one a key is created and returned so that it can be printed once.
   */
  async bootstrapAdmin(options: { adminKey?: string; department: string }): Promise<{ created?: IssuedKey; position: number }> {
    const context: CommandContext = {
      actor: { id: 'system', role: 'system' },
      department: options.department,
      commandId: newId(),
      correlationId: newId(),
      source: 'system',
      reason: 'bootstrap admin key',
      receivedAt: new Date(),
    };
    const request = { actorId: 'admin', role: 'admin' as const, department: options.department, label: 'bootstrap admin' };
    if (options.adminKey) {
      const keyId = apiKeyIdOf(hashApiKey(options.adminKey));
      const existing = await this.store.readStream(apiKeyStream(keyId));
      if (existing.length) return { position: existing[existing.length - 1].position };
      const issued = await this.issue({ ...request, secret: options.adminKey }, context);
      this.logger.log({ msg: 'admin key from OKRUG_ADMIN_KEY registered', keyId: issued.keyId });
      return { position: issued.position };
    }
    const existing = await this.store.readStream(BOOTSTRAP_STREAM);
    if (existing.length) return { position: existing[existing.length - 1].position };
    const created = await this.issue(request, context, BOOTSTRAP_STREAM);
    return { created, position: created.position };
  }
}
