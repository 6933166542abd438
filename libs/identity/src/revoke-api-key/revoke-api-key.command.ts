import { ResourceCommand } from '@app/platform/commands';

export interface RevokeApiKeyInput { reason: string }

/** Revokes an API key of the caller's department. */
export class RevokeApiKeyCommand extends ResourceCommand<RevokeApiKeyInput> {}
