/**
 * The configuration of a process. The apps' entry points read the environment through
 * `env.config` (the one place the process environment is read); everything else gets an `AppConfig`.
 */
export * from './app-config';
export * from './env.config';
