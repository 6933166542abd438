import { AppConfig, InvalidConfiguration, loadConfig } from './app-config';

/** The one place the process environment is read. */
export const configFromEnvironment = (): AppConfig => loadConfig(process.env);

/** The process environment, for code that validates it itself (the CLI). */
export const processEnvironment = (): Record<string, string | undefined> => process.env;

/** The configuration, or — when it is invalid — each problem on stderr and exit code 2. */
export const configOrExit = (): AppConfig => {
  try {
    return configFromEnvironment();
  } catch (error) {
    if (!(error instanceof InvalidConfiguration)) throw error;
    process.stderr.write(error.message + '\n');
    process.exit(2);
  }
};
