/**
 * The role model: the roles a key carries, the access rule every route declares (`@Access`,
 * `@Public`), the decision the guard takes on them, and the caller a route gets (`Principal`,
 * `@CurrentPrincipal()`). Identity authenticates the key and enforces the rules with these.
 */
export * from './access';
export * from './principal';
