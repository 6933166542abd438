import { AppConfig, loadConfig } from './app-config';

/** The one place the process environment is read. */
export const configFromEnvironment = (): AppConfig => loadConfig(process.env);
