import { AppConfig, loadConfig } from './app-config';

/** The one place the process environment is read. */
export const configFromEnvironment = (): AppConfig => loadConfig(process.env);

/** The process environment, for code that validates it itself (the CLI). */
export const processEnvironment = (): Record<string, string | undefined> => process.env;
