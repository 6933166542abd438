/** The module's published event contracts: every event it records, its union and its table. */
export * from './identity.events';
export * from './api-key.decider';
export * from './api-key-secret';
export * from './api-keys.projection';
export * from './department.decider';
export * from './identity.service';
export * from './identity.module';

import { Projection } from '@app/read-store';
import { apiKeysProjection } from './api-keys.projection';
/** Projections this module needs the runner to keep. */
export const identityProjections: readonly Projection[] = [apiKeysProjection];
