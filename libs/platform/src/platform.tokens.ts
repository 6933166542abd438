/** DI token of the validated AppConfig. */
export const APP_CONFIG = Symbol('AppConfig');
/** DI token of the Clock. */
export const CLOCK = Symbol('Clock');
