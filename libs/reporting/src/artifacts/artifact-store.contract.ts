import { createHash, randomBytes } from 'node:crypto';
import { ArtifactStore } from './artifact-store.port';

export interface ArtifactStoreFixture {
  store: ArtifactStore;
  /** Closes the store and opens it again on the same storage. */
  reopen(): Promise<ArtifactStore>;
  cleanup(): Promise<void>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What every ArtifactStore adapter must do; each adapter's spec runs it. */
export const artifactStoreContract = (name: string, open: () => Promise<ArtifactStoreFixture>): void => {
  describe(`${name}: the ArtifactStore contract`, () => {
    let fixture: ArtifactStoreFixture;
    let store: ArtifactStore;
    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    it('gives back exactly the bytes stored under a key, and nothing for a key never stored', async () => {
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      expect(await store.put('murygino/report-1/abc', bytes)).toEqual({ size: 256 });
      expect(await store.get('murygino/report-1/abc')).toEqual(Buffer.from(bytes));
      expect(await store.get('murygino/report-1/abd')).toBeNull();
      expect(await store.get('murygino/report-2/abc')).toBeNull();
    });

    it('keeps an artifact larger than one GridFS chunk whole, and an empty one', async () => {
      const large = randomBytes(700 * 1024);
      await store.put('bakhmut/large/x', large);
      const back = await store.get('bakhmut/large/x');
      expect(back && sha256(back)).toBe(sha256(large));
      await store.put('bakhmut/empty/x', new Uint8Array(0));
      expect(await store.get('bakhmut/empty/x')).toEqual(Buffer.alloc(0));
    });

    it('takes a view of a larger buffer as just its bytes', async () => {
      const whole = Buffer.from('0123456789');
      await store.put('d/view/x', whole.subarray(3, 6));
      expect((await store.get('d/view/x'))!.toString()).toBe('345');
    });

    it('replaces what a key held when it is stored again, and keeps it across a reopen', async () => {
      await store.put('d/r/x', Buffer.from('first'));
      await store.put('d/r/x', Buffer.from('second'));
      expect((await store.get('d/r/x'))!.toString()).toBe('second');
      store = await fixture.reopen();
      expect((await store.get('d/r/x'))!.toString()).toBe('second');
    });

    it('stores the same key from several writers at once and reads one whole artifact', async () => {
      const bytes = randomBytes(300 * 1024);
      // Several rounds: writers that finish close together are where one could remove the other's.
      for (let round = 0; round < 5; round++) {
        await Promise.all(Array.from({ length: 6 }, () => store.put(`d/same/x${round}`, bytes)));
        const back = await store.get(`d/same/x${round}`);
        expect(back && sha256(back)).toBe(sha256(bytes));
      }
    });

    it('deletes an artifact, and a key that holds none without complaint', async () => {
      await store.put('d/gone/x', Buffer.from('x'));
      await store.delete('d/gone/x');
      expect(await store.get('d/gone/x')).toBeNull();
      await store.delete('d/gone/x');
      await store.delete('d/never/x');
    });

    it('keeps keys apart: one is no prefix of another', async () => {
      await store.put('d/a/x', Buffer.from('a'));
      await store.put('d/a/x.json', Buffer.from('b'));
      expect((await store.get('d/a/x'))!.toString()).toBe('a');
      await store.delete('d/a/x');
      expect((await store.get('d/a/x.json'))!.toString()).toBe('b');
    });

    it('refuses keys that are not segments of letters, digits, dots, dashes and underscores', async () => {
      for (const key of ['', '../x', 'a/../b', 'a//b', '/a', 'a/', '.hidden', 'a/.partial', 'звіт', 'a b', 'a\\b', 'x'.repeat(401)]) {
        await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(TypeError);
        await expect(store.get(key)).rejects.toThrow(TypeError);
        await expect(store.delete(key)).rejects.toThrow(TypeError);
      }
    });

    it('answers a ping', async () => {
      expect(await store.ping()).toEqual({ kind: expect.any(String) });
    });
  });
};
