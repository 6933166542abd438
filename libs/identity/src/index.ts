/**
 * The identity module's public surface, and nothing more: its event contracts, its Nest module
 * and its entry in the registry (`libs/modules`); it answers no queries of other modules. The
 * composition roots administer keys and departments through `@app/identity/administration`.
 */
import type { Projection, Reactor } from '@app/read-store';
import { apiKeysProjection } from './api-keys.projection';
import { identityEvents } from './identity.events';
import { IdentityModule } from './identity.module';

/** The module's published event contracts: every event it records, its union and its table, and the streams they are in. */
export * from './identity.events';
export { IdentityModule } from './identity.module';

const projections: readonly Projection[] = [apiKeysProjection];
const reactors: readonly Reactor[] = [];

/** The module as the registry composes it (`libs/modules`): its Nest module and the processors it needs on the feed. */
export const identity = { name: 'identity', nestModule: IdentityModule, projections, reactors, eventContracts: [identityEvents] };
