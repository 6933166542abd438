/**
 * The installation's administration of keys and departments, for the composition roots only:
 * the API's start (the bootstrap admin key) and the CLI (`keys`, `departments`), which works on
 * the stores without the HTTP application, so without its command bus. A module never needs it:
 * what other modules may know of identity is its index (`@app/identity`).
 */
export { IdentityService } from '../identity.service';
export type { IssuedKey, ListedKey } from '../identity.service';
export { ApiKeyHasher, loadPepper } from '../api-key-secret';
