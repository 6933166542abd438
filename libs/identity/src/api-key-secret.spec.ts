import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyHasher, PEPPER_FILE, legacyApiKeyHash, loadPepper } from './api-key-secret';

describe('API key hashes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okrug-pepper-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hashes with the pepper, so the log’s hash of a chosen key is not its plain SHA-256', () => {
    const secret = 'a-chosen-admin-key-16';
    const one = new ApiKeyHasher('p'.repeat(32));
    const two = new ApiKeyHasher('q'.repeat(32));
    expect(one.hash(secret)).not.toBe(legacyApiKeyHash(secret));
    expect(one.hash(secret)).not.toBe(two.hash(secret));
    expect(one.candidates(secret)).toEqual([one.hash(secret), legacyApiKeyHash(secret)]);
    expect(() => new ApiKeyHasher('short')).toThrow(/at least 32/);
  });

  it('keeps a generated pepper in the data directory, readable by its owner only, and the same on every start', () => {
    const first = loadPepper({ dataDir: dir, distributed: false });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, PEPPER_FILE)).mode & 0o777).toBe(0o600);
    expect(loadPepper({ dataDir: dir, distributed: false })).toBe(first);
    expect(loadPepper({ dataDir: dir, distributed: false, pepper: 'z'.repeat(40) })).toBe('z'.repeat(40));
  });

  it('demands OKRUG_KEY_PEPPER when events are shared between machines', () => {
    expect(() => loadPepper({ dataDir: dir, distributed: true })).toThrow(/OKRUG_KEY_PEPPER must be set/);
  });
});
