import { InvalidConfiguration, loadConfig, profileOf } from './app-config';

describe('configuration', () => {
  it('defaults to the embedded profile on port 3000 with ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir.endsWith('data')).toBe(true);
    expect(profileOf(config)).toEqual({ eventStore: 'sqlite', readStore: 'sqlite', queue: 'in-process' });
  });

  it('selects each distributed adapter by its URL alone', () => {
    const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6380' });
    expect(profileOf(config)).toEqual({ eventStore: 'sqlite', readStore: 'sqlite', queue: 'bull' });
    expect(profileOf(loadConfig({ EVENTSTORE_URL: 'esdb://localhost:2113?tls=false', MONGODB_URL: 'mongodb://localhost/okrug' }))).toEqual({
      eventStore: 'eventstoredb',
      readStore: 'mongodb',
      queue: 'in-process',
    });
  });

  it('names every wrong value in one message', () => {
    let error: InvalidConfiguration | undefined;
    try {
      loadConfig({ PORT: 'eighty', EVENTSTORE_URL: 'http://localhost:2113', MONGODB_URL: 'not a url', REDIS_URL: 'redis://ok:6379', OKRUG_ADMIN_KEY: 'short' });
    } catch (e) {
      error = e as InvalidConfiguration;
    }
    expect(error).toBeInstanceOf(InvalidConfiguration);
    expect(error!.problems).toEqual([
      "PORT: 'eighty' is not a port number (0–65535)",
      'OKRUG_ADMIN_KEY: must be at least 16 characters long',
      "EVENTSTORE_URL: scheme 'http' is not supported; use esdb:// or esdb+discover://",
      "MONGODB_URL: 'not a url' is not a URL; expected e.g. mongodb://host:port",
    ]);
    expect(error!.message).toContain('  - PORT');
  });

  it('takes the pepper of the API key hashes from OKRUG_KEY_PEPPER, at least 32 characters', () => {
    expect(loadConfig({}).keyPepper).toBeUndefined();
    expect(loadConfig({ OKRUG_KEY_PEPPER: 'p'.repeat(32) }).keyPepper).toBe('p'.repeat(32));
    expect(() => loadConfig({ OKRUG_KEY_PEPPER: 'short' })).toThrow(/OKRUG_KEY_PEPPER: must be at least 32 characters long/);
  });

  it('keeps the job queue under the OKRUG_QUEUE_PREFIX key prefix, okrug by default', () => {
    expect(loadConfig({}).queuePrefix).toBe('okrug');
    expect(loadConfig({ OKRUG_QUEUE_PREFIX: 'kramatorsk_2' }).queuePrefix).toBe('kramatorsk_2');
    expect(() => loadConfig({ OKRUG_QUEUE_PREFIX: 'a:b' })).toThrow(/OKRUG_QUEUE_PREFIX: 'a:b' must be letters, digits, dashes and underscores/);
  });

  it('holds a running Bull job for OKRUG_QUEUE_LOCK_MS, 30 s by default, a whole number of milliseconds from 1000', () => {
    expect(loadConfig({}).queueLockMs).toBe(30_000);
    expect(loadConfig({ OKRUG_QUEUE_LOCK_MS: '5000' }).queueLockMs).toBe(5000);
    for (const wrong of ['999', '2.5', 'soon', '600001']) expect(() => loadConfig({ OKRUG_QUEUE_LOCK_MS: wrong })).toThrow(/OKRUG_QUEUE_LOCK_MS: .* must be a whole number of milliseconds from 1000 to 600000/);
  });
});
