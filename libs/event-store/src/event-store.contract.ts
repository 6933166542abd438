import { randomUUID } from 'node:crypto';
import { EventMetadata, NewEvent, RecordedEvent } from '@app/kernel';
import { AppendResult, EventStore, NO_STREAM_REVISION, WrongExpectedRevision } from './event-store.port';

/** What a contract run needs from an adapter, created afresh for every test. */
export interface EventStoreFixture {
  store: EventStore;
  /**
   * Closes the store and opens a new one over the same data, as a restart would. Without it
   * the restart test only checks what it can.
   */
  reopen?: () => Promise<EventStore>;
  /** Closes whatever is still open and removes data the fixture created. */
  cleanup: () => Promise<void>;
}

export interface EventStoreContractOptions {
  /**
   * Positions are consecutive (no gaps, not even after refused appends) and each fixture starts
   * from an empty log that nobody else writes to. True for the embedded store; a shared server
   * only promises strictly increasing positions.
   */
  gapless?: boolean;
}

/**
 * The behaviour every EventStore adapter must have. Stream ids carry a random suffix, so the
 * suite also runs against a shared server whose streams outlive the run; on such a server other
 * writers may interleave, so checks on the global log look only at this test's streams.
 */
export const eventStoreContract = (
  name: string,
  open: () => Promise<EventStoreFixture>,
  options: EventStoreContractOptions = {},
): void => {
  const gapless = options.gapless ?? false;

  describe(`${name}: EventStore contract`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;

    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture?.cleanup();
    });

    describe('append and readStream', () => {
      it('appends to a new stream with no_stream and reads it back', async () => {
        const streamId = newStreamId('new');
        expect(await store.streamRevision(streamId)).toBe(NO_STREAM_REVISION);
        expect(await store.readStream(streamId)).toEqual([]);

        const event = newEvent('InstitutionRegistered', { name: 'Школа № 5' });
        const result = await store.append(streamId, [event], { expectedRevision: 'no_stream' });

        expect(result.nextRevision).toBe(0);
        expect(result.position).toBeGreaterThan(0);
        expect(await store.streamRevision(streamId)).toBe(0);
        expect(await store.readStream(streamId)).toEqual([
          { ...event, streamId, revision: 0, position: result.position },
        ]);
      });

      it('keeps the order of events and numbers revisions from 0', async () => {
        const streamId = newStreamId('order');
        const first = [newEvent('A', { n: 1 }), newEvent('B', { n: 2 }), newEvent('C', { n: 3 })];
        const second = [newEvent('D', { n: 4 }), newEvent('E', { n: 5 })];

        const r1 = await store.append(streamId, first, { expectedRevision: 'no_stream' });
        const r2 = await store.append(streamId, second, { expectedRevision: 2 });

        expect(r1.nextRevision).toBe(2);
        expect(r2.nextRevision).toBe(4);
        const read = await store.readStream(streamId);
        expect(read.map((e) => e.id)).toEqual([...first, ...second].map((e) => e.id));
        expect(read.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
        expect(read.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        expectStrictlyIncreasing(read.map((e) => e.position));
        expect(r1.position).toBe(read[2].position);
        expect(r2.position).toBe(read[4].position);
        expect(r2.position).toBeGreaterThan(r1.position);
        if (gapless) expect(read.map((e) => e.position - read[0].position)).toEqual([0, 1, 2, 3, 4]);
        expect(await store.streamRevision(streamId)).toBe(4);
      });

      it('reads forwards, backwards, from the middle and up to maxCount', async () => {
        const streamId = newStreamId('read');
        await store.append(streamId, range(5).map((n) => newEvent('Counted', { n })), { expectedRevision: 'no_stream' });
        const revisions = async (o: Parameters<EventStore['readStream']>[1]) =>
          (await store.readStream(streamId, o)).map((e) => e.revision);

        expect(await revisions({})).toEqual([0, 1, 2, 3, 4]);
        expect(await revisions({ direction: 'forwards' })).toEqual([0, 1, 2, 3, 4]);
        expect(await revisions({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
        expect(await revisions({ fromRevision: 2 })).toEqual([2, 3, 4]);
        expect(await revisions({ direction: 'backwards', fromRevision: 2 })).toEqual([2, 1, 0]);
        expect(await revisions({ maxCount: 2 })).toEqual([0, 1]);
        expect(await revisions({ fromRevision: 1, maxCount: 2 })).toEqual([1, 2]);
        expect(await revisions({ direction: 'backwards', maxCount: 2 })).toEqual([4, 3]);
        expect(await revisions({ direction: 'backwards', fromRevision: 3, maxCount: 2 })).toEqual([3, 2]);
        expect(await revisions({ fromRevision: 5 })).toEqual([]);
        const data = (await store.readStream(streamId, { fromRevision: 3 })).map((e) => e.data);
        expect(data).toEqual([{ n: 3 }, { n: 4 }]);
      });
    });

    it('reads only what was appended after a revision (the tail a cached state asks for)', async () => {
      const streamId = newStreamId('tail');
      expect(await store.readStream(streamId, { fromRevision: 0 })).toEqual([]);
      await store.append(streamId, range(3).map((n) => newEvent('Counted', { n })), { expectedRevision: 'no_stream' });
      expect(await store.readStream(streamId, { fromRevision: 3 })).toEqual([]);
      const next = newEvent('Counted', { n: 3 });
      const result = await store.append(streamId, [next], { expectedRevision: 2 });
      expect(await store.readStream(streamId, { fromRevision: 3 })).toEqual([{ ...next, streamId, revision: 3, position: result.position }]);
      expect(await store.readStream(streamId, { fromRevision: 4 })).toEqual([]);
    });

    describe('optimistic concurrency', () => {
      it('refuses a stale expected revision and leaves the stream untouched', async () => {
        const streamId = newStreamId('stale');
        await store.append(streamId, [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
        const before = await store.readStream(streamId);
        const headBefore = await store.headPosition();

        const refused = store.append(streamId, [newEvent('C')], { expectedRevision: 0 });
        await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevision);
        await expect(refused).rejects.toMatchObject({ streamId, expected: 0, actual: 1 });

        expect(await store.readStream(streamId)).toEqual(before);
        expect(await store.streamRevision(streamId)).toBe(1);

        const next = await store.append(streamId, [newEvent('C')], { expectedRevision: 1 });
        expect(next.nextRevision).toBe(2);
        // The refused append consumed no position.
        if (gapless) expect(next.position).toBe(headBefore + 1);
        else expect(next.position).toBeGreaterThan(headBefore);
      });

      it('refuses no_stream on an existing stream, and a revision on a missing one', async () => {
        const streamId = newStreamId('exists');
        await store.append(streamId, [newEvent('A')], { expectedRevision: 'no_stream' });

        const again = store.append(streamId, [newEvent('B')], { expectedRevision: 'no_stream' });
        await expect(again).rejects.toBeInstanceOf(WrongExpectedRevision);
        await expect(again).rejects.toMatchObject({ expected: 'no_stream', actual: 0 });

        const missing = newStreamId('missing');
        const onMissing = store.append(missing, [newEvent('A')], { expectedRevision: 0 });
        await expect(onMissing).rejects.toBeInstanceOf(WrongExpectedRevision);
        await expect(onMissing).rejects.toMatchObject({ expected: 0, actual: NO_STREAM_REVISION });
        expect(await store.readStream(missing)).toEqual([]);
        expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['A']);
      });

      it("appends with 'any' whatever the stream's revision", async () => {
        const streamId = newStreamId('any');
        const r1 = await store.append(streamId, [newEvent('A')], { expectedRevision: 'any' });
        const r2 = await store.append(streamId, [newEvent('B'), newEvent('C')], { expectedRevision: 'any' });
        const r3 = await store.append(streamId, [newEvent('D')], { expectedRevision: 'any' });
        expect([r1.nextRevision, r2.nextRevision, r3.nextRevision]).toEqual([0, 2, 3]);
        expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      });

      it('lets exactly one of 20 concurrent writers with the same expected revision win', async () => {
        const streamId = newStreamId('race');
        await store.append(streamId, [newEvent('Opened')], { expectedRevision: 'no_stream' });
        const contenders = range(20).map((n) => newEvent('Claimed', { by: n }));

        const settled = await Promise.allSettled(
          contenders.map((event) => store.append(streamId, [event], { expectedRevision: 0 })),
        );

        const won = settled.filter((s): s is PromiseFulfilledResult<AppendResult> => s.status === 'fulfilled');
        const lost = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(won[0].value.nextRevision).toBe(1);
        expect(lost).toHaveLength(19);
        for (const l of lost) {
          expect(l.reason).toBeInstanceOf(WrongExpectedRevision);
          expect(l.reason).toMatchObject({ streamId, expected: 0, actual: 1 });
        }
        const read = await store.readStream(streamId);
        expect(read).toHaveLength(2);
        const winner = contenders[settled.findIndex((s) => s.status === 'fulfilled')];
        expect(read[1].id).toBe(winner.id);
        expect(read[1].position).toBe(won[0].value.position);
      });

      it('lets 50 concurrent writers to 50 streams all succeed, in one ordered log', async () => {
        const headBefore = await store.headPosition();
        const streams = range(50).map((n) => newStreamId(`writer${n}`));
        const perWriter = 3;

        const results = await Promise.all(
          streams.map(async (streamId, w) => {
            const out: AppendResult[] = [];
            for (let i = 0; i < perWriter; i++) {
              const expectedRevision = i === 0 ? ('no_stream' as const) : i - 1;
              out.push(await store.append(streamId, [newEvent('Written', { w, i })], { expectedRevision }));
            }
            return out;
          }),
        );

        for (const out of results) {
          expect(out.map((r) => r.nextRevision)).toEqual([0, 1, 2]);
          expectStrictlyIncreasing(out.map((r) => r.position));
        }
        const positions = results.flat().map((r) => r.position);
        expect(new Set(positions).size).toBe(positions.length);

        const mine = new Set(streams);
        const logged = (await readAllAfter(store, headBefore, 100, (e) => mine.has(e.streamId), positions.length)).events;
        expect(logged).toHaveLength(streams.length * perWriter);
        expectStrictlyIncreasing(logged.map((e) => e.position));
        expect(logged.map((e) => e.position).sort((a, b) => a - b)).toEqual([...positions].sort((a, b) => a - b));
        if (gapless) {
          expect(logged.map((e) => e.position)).toEqual(range(positions.length).map((i) => headBefore + 1 + i));
          expect(await store.headPosition()).toBe(headBefore + positions.length);
        }
        for (const streamId of streams) {
          const read = await store.readStream(streamId);
          expect(read.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2]);
        }
      });
    });

    describe('idempotent retries', () => {
      it('returns the original result for the same event ids and writes nothing', async () => {
        const streamId = newStreamId('retry');
        const events = [newEvent('A'), newEvent('B')];
        const first = await store.append(streamId, events, { expectedRevision: 'no_stream' });
        const retried = await store.append(streamId, events, { expectedRevision: 'no_stream' });
        expect(retried).toEqual(first);

        const more = [newEvent('C')];
        const third = await store.append(streamId, more, { expectedRevision: 1 });
        expect(await store.append(streamId, more, { expectedRevision: 1 })).toEqual(third);
        expect(await store.append(streamId, events, { expectedRevision: 'no_stream' })).toEqual(first);

        const read = await store.readStream(streamId);
        expect(read.map((e) => e.id)).toEqual([...events, ...more].map((e) => e.id));
        if (gapless) expect(await store.headPosition()).toBe(third.position);
      });
    });

    describe('appendMany', () => {
      it('appends to several streams, answering in the order of the appends', async () => {
        const [a, b, c] = [newStreamId('many-a'), newStreamId('many-b'), newStreamId('many-c')];
        await store.append(b, [newEvent('B0')], { expectedRevision: 'no_stream' });

        const results = await store.appendMany([
          { streamId: a, events: [newEvent('A0'), newEvent('A1')], expectedRevision: 'no_stream' },
          { streamId: b, events: [newEvent('B1')], expectedRevision: 0 },
          { streamId: c, events: [newEvent('C0')], expectedRevision: 'any' },
        ]);

        expect(results.map((r) => r.nextRevision)).toEqual([1, 1, 0]);
        expectStrictlyIncreasing(results.map((r) => r.position));
        const [readA, readB, readC] = await Promise.all([a, b, c].map((s) => store.readStream(s)));
        expect(readA.map((e) => e.type)).toEqual(['A0', 'A1']);
        expect(readB.map((e) => e.type)).toEqual(['B0', 'B1']);
        expect(readC.map((e) => e.type)).toEqual(['C0']);
        expect([readA[1].position, readB[1].position, readC[0].position]).toEqual(results.map((r) => r.position));
        if (gapless) expect(readA[0].position + 1).toBe(readA[1].position);
        expect(await store.appendMany([])).toEqual([]);
      });

      it('refuses a stale revision: all or nothing where atomic, the streams before it otherwise', async () => {
        const [a, b, c] = [newStreamId('many-stale-a'), newStreamId('many-stale-b'), newStreamId('many-stale-c')];
        await store.append(b, [newEvent('B0'), newEvent('B1')], { expectedRevision: 'no_stream' });
        const headBefore = await store.headPosition();

        const attempt = store.appendMany([
          { streamId: a, events: [newEvent('A0')], expectedRevision: 'no_stream' },
          { streamId: b, events: [newEvent('Stale')], expectedRevision: 0 },
          { streamId: c, events: [newEvent('C0')], expectedRevision: 'no_stream' },
        ]);
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevision);
        await expect(attempt).rejects.toMatchObject({ streamId: b, expected: 0, actual: 1 });

        expect((await store.readStream(b)).map((e) => e.type)).toEqual(['B0', 'B1']);
        expect(await store.readStream(c)).toEqual([]);
        if (store.atomicMultiStreamAppend) {
          expect(await store.readStream(a)).toEqual([]);
          if (gapless) expect(await store.headPosition()).toBe(headBefore);
        } else {
          expect((await store.readStream(a)).map((e) => e.type)).toEqual(['A0']);
        }
      });

      it('completes an interrupted multi-stream append when it is repeated', async () => {
        const [a, b] = [newStreamId('many-retry-a'), newStreamId('many-retry-b')];
        const appends = [
          { streamId: a, events: [newEvent('A0')], expectedRevision: 'no_stream' as const },
          { streamId: b, events: [newEvent('B0'), newEvent('B1')], expectedRevision: 'no_stream' as const },
        ];
        // As if an earlier attempt stopped after its first stream.
        const first = await store.append(a, appends[0].events, { expectedRevision: 'no_stream' });

        const results = await store.appendMany(appends);
        expect(results[0]).toEqual(first);
        expect(results[1].nextRevision).toBe(1);
        expect(await store.appendMany(appends)).toEqual(results);
        expect((await store.readStream(a)).map((e) => e.type)).toEqual(['A0']);
        expect((await store.readStream(b)).map((e) => e.type)).toEqual(['B0', 'B1']);
      });

      it('refuses the same stream twice in one call, writing nothing', async () => {
        const a = newStreamId('many-twice');
        await expect(
          store.appendMany([
            { streamId: a, events: [newEvent('X')], expectedRevision: 'no_stream' },
            { streamId: a, events: [newEvent('Y')], expectedRevision: 0 },
          ]),
        ).rejects.toBeInstanceOf(RangeError);
        expect(await store.readStream(a)).toEqual([]);
      });

      it('is seen whole in the global log, and repeating the call changes nothing', async () => {
        const [a, b, c] = [newStreamId('many-log-a'), newStreamId('many-log-b'), newStreamId('many-log-c')];
        await store.append(a, [newEvent('A0')], { expectedRevision: 'no_stream' });
        const headBefore = await store.headPosition();
        const appends = [
          { streamId: a, events: [newEvent('A1'), newEvent('A2')], expectedRevision: 0 },
          { streamId: b, events: [newEvent('B0')], expectedRevision: 'no_stream' as const },
          { streamId: c, events: [newEvent('C0'), newEvent('C1')], expectedRevision: 'any' as const },
        ];
        const ids = appends.flatMap((x) => x.events.map((e) => e.id));

        const results = await store.appendMany(appends);
        expect(results.map((r) => r.nextRevision)).toEqual([2, 0, 1]);
        const mine = new Set([a, b, c]);
        const logged = (await readAllAfter(store, headBefore, 2, (e) => mine.has(e.streamId), ids.length)).events;
        expect(logged.map((e) => e.id).sort()).toEqual([...ids].sort());
        expectStrictlyIncreasing(logged.map((e) => e.position));
        const lastOf = (streamId: string) => logged.filter((e) => e.streamId === streamId).pop()?.position;
        expect(results.map((r) => r.position)).toEqual([lastOf(a), lastOf(b), lastOf(c)]);
        if (gapless) expect(logged.map((e) => e.position)).toEqual(range(ids.length).map((i) => headBefore + 1 + i));
        const streamsBefore = await Promise.all([a, b, c].map((s) => store.readStream(s)));
        const headAfter = await store.headPosition();

        // The same call again (a client that never saw the answer): same answer, nothing written.
        expect(await store.appendMany(appends)).toEqual(results);
        expect(await Promise.all([a, b, c].map((s) => store.readStream(s)))).toEqual(streamsBefore);
        expect((await readAllAfter(store, headAfter, 50, (e) => mine.has(e.streamId), 1)).events).toEqual([]);
        if (gapless) expect(await store.headPosition()).toBe(headAfter);
      });

      it('wakes followers like a single append', async () => {
        const [a, b] = [newStreamId('many-follow-a'), newStreamId('many-follow-b')];
        const head = await store.headPosition();
        const controller = new AbortController();
        const seen: RecordedEvent[] = [];
        const following = (async () => {
          for await (const event of store.follow({ after: head, signal: controller.signal })) {
            if (event.streamId === a || event.streamId === b) seen.push(event);
          }
        })();
        await sleep(30);
        await store.appendMany([
          { streamId: a, events: [newEvent('A0'), newEvent('A1')], expectedRevision: 'no_stream' },
          { streamId: b, events: [newEvent('B0')], expectedRevision: 'no_stream' },
        ]);
        await waitUntil(() => seen.length >= 3, 'the events of a multi-stream append');
        controller.abort();
        await expectToSettle(following, 'follow after abort');
        expect(seen.map((e) => e.type).sort()).toEqual(['A0', 'A1', 'B0']);
        expectStrictlyIncreasing(seen.map((e) => e.position));
      });

      describe('where all or nothing (atomicMultiStreamAppend)', () => {
        it('refuses the whole call for a stale revision on its second of three streams', async () => {
          if (!store.atomicMultiStreamAppend) return;
          const [a, b, c] = [newStreamId('atomic-a'), newStreamId('atomic-b'), newStreamId('atomic-c')];
          await store.append(a, [newEvent('A0')], { expectedRevision: 'no_stream' });
          await store.append(b, [newEvent('B0'), newEvent('B1')], { expectedRevision: 'no_stream' });
          const before = await Promise.all([a, b, c].map((s) => store.readStream(s)));
          const headBefore = await store.headPosition();

          const attempt = store.appendMany([
            { streamId: a, events: [newEvent('A1'), newEvent('A2')], expectedRevision: 0 },
            { streamId: b, events: [newEvent('Stale')], expectedRevision: 0 },
            { streamId: c, events: [newEvent('C0')], expectedRevision: 'no_stream' },
          ]);
          await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevision);
          await expect(attempt).rejects.toMatchObject({ streamId: b, expected: 0, actual: 1 });

          expect(await Promise.all([a, b, c].map((s) => store.readStream(s)))).toEqual(before);
          expect(await Promise.all([a, b, c].map((s) => store.streamRevision(s)))).toEqual([0, 1, NO_STREAM_REVISION]);
          if (gapless) expect(await store.headPosition()).toBe(headBefore);

          // Nothing of the refused call took a position.
          const next = await store.appendMany([
            { streamId: a, events: [newEvent('A1')], expectedRevision: 0 },
            { streamId: b, events: [newEvent('B2')], expectedRevision: 1 },
          ]);
          expect(next.map((r) => r.nextRevision)).toEqual([1, 2]);
          if (gapless) expect(next.map((r) => r.position)).toEqual([headBefore + 1, headBefore + 2]);
          else expect(next[0].position).toBeGreaterThan(headBefore);
        });

        it('moves tokens between shared streams all or nothing under 30 concurrent calls', async () => {
          if (!store.atomicMultiStreamAppend) return;
          const streams = [newStreamId('token-x'), newStreamId('token-y'), newStreamId('token-z')];
          for (const streamId of streams) await store.append(streamId, [newEvent('Opened')], { expectedRevision: 'no_stream' });
          const headBefore = await store.headPosition();
          const calls = range(30).map((n) => {
            const from = n % 3;
            const to = (from + 1 + (Math.floor(n / 3) % 2)) % 3;
            return {
              from: streams[from],
              to: streams[to],
              sent: newEvent('TokenSent', { n }),
              received: newEvent('TokenReceived', { n }),
            };
          });

          const settled = await Promise.allSettled(
            calls.map(async (call, n) => {
              // Reads and writes of different calls interleave.
              await sleep(n % 4);
              const [fromRevision, toRevision] = await Promise.all([store.streamRevision(call.from), store.streamRevision(call.to)]);
              return store.appendMany([
                { streamId: call.from, events: [call.sent], expectedRevision: fromRevision },
                { streamId: call.to, events: [call.received], expectedRevision: toRevision },
              ]);
            }),
          );

          const reads = new Map<string, RecordedEvent[]>();
          for (const streamId of streams) reads.set(streamId, await store.readStream(streamId));
          const byId = new Map([...reads.values()].flat().map((e) => [e.id, e]));
          let successes = 0;
          settled.forEach((outcome, n) => {
            const { sent, received } = calls[n];
            if (outcome.status === 'fulfilled') {
              successes++;
              expect([byId.get(sent.id)?.position, byId.get(received.id)?.position]).toEqual(outcome.value.map((r) => r.position));
              expect([byId.get(sent.id)?.revision, byId.get(received.id)?.revision]).toEqual(outcome.value.map((r) => r.nextRevision));
            } else {
              expect(outcome.reason).toBeInstanceOf(WrongExpectedRevision);
              expect([byId.has(sent.id), byId.has(received.id)]).toEqual([false, false]);
            }
          });
          expect(successes).toBeGreaterThanOrEqual(1);

          const moved = [...reads.values()].reduce((sum, events) => sum + events.length - 1, 0);
          expect(moved).toBe(2 * successes);
          for (const events of reads.values()) {
            expect(events.map((e) => e.revision)).toEqual(range(events.length));
            // Every token that left a stream arrived in another, within the same call.
            for (const e of events.slice(1)) {
              const { n } = e.data as { n: number };
              const partner = e.type === 'TokenSent' ? calls[n].received : calls[n].sent;
              expect(byId.has(partner.id)).toBe(true);
            }
          }
          if (gapless) {
            const logged = (await readAllAfter(store, headBefore, 100, () => true, moved)).events;
            expect(logged.map((e) => e.position)).toEqual(range(moved).map((i) => headBefore + 1 + i));
            expect(await store.headPosition()).toBe(headBefore + moved);
          }
        });
      });
    });

    describe('the global log', () => {
      it('reads all events in batches, from the start and from the middle', async () => {
        const headBefore = await store.headPosition();
        if (gapless) expect(headBefore).toBe(0);
        const streams = [newStreamId('all-a'), newStreamId('all-b'), newStreamId('all-c')];
        const appended: NewEvent[] = [];
        for (let i = 0; i < 10; i++) {
          const streamId = streams[i % 3];
          const event = newEvent('Logged', { i });
          appended.push(event);
          await store.append(streamId, [event], { expectedRevision: 'any' });
        }
        const mine = new Set(streams);

        const { events, batches } = await readAllAfter(store, headBefore, 3, (e) => mine.has(e.streamId), 10);
        expect(events.map((e) => e.id)).toEqual(appended.map((e) => e.id));
        expect(events.map((e) => e.streamId)).toEqual(range(10).map((i) => streams[i % 3]));
        expectStrictlyIncreasing(events.map((e) => e.position));
        for (const batch of batches) {
          expect(batch.length).toBeLessThanOrEqual(3);
          expectStrictlyIncreasing(batch.map((e) => e.position));
        }
        expectStrictlyIncreasing(batches.flat().map((e) => e.position));
        if (gapless) {
          expect(events.map((e) => e.position)).toEqual(range(10).map((i) => i + 1));
          expect(batches.map((b) => b.length)).toEqual([3, 3, 3, 1]);
        }

        const middle = events[4].position;
        const rest = (await readAllAfter(store, middle, 4, (e) => mine.has(e.streamId), 5)).events;
        expect(rest.map((e) => e.id)).toEqual(appended.slice(5).map((e) => e.id));
        expect(rest.every((e) => e.position > middle)).toBe(true);

        const one = await store.readAll({ after: middle, maxCount: 1 });
        expect(one).toHaveLength(1);
        expect(one[0].position).toBeGreaterThan(middle);
      });

      it('tells the head position', async () => {
        if (gapless) expect(await store.headPosition()).toBe(0);
        const streamId = newStreamId('head');
        const r1 = await store.append(streamId, [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
        const head1 = await store.headPosition();
        expect(head1).toBeGreaterThanOrEqual(r1.position);
        const r2 = await store.append(streamId, [newEvent('C')], { expectedRevision: 1 });
        const head2 = await store.headPosition();
        expect(head2).toBeGreaterThanOrEqual(r2.position);
        expect(head2).toBeGreaterThan(head1);
        if (gapless) {
          expect(head1).toBe(2);
          expect(head2).toBe(3);
        }
        const ping = await store.ping();
        expect(typeof ping.kind).toBe('string');
        expect(ping.head).toBeGreaterThanOrEqual(r2.position);
      });

      it('follows from a checkpoint: existing events first, then live ones, until aborted', async () => {
        const streamId = newStreamId('follow');
        const existing = [newEvent('E0'), newEvent('E1'), newEvent('E2')];
        await store.append(streamId, existing, { expectedRevision: 'no_stream' });
        const [first] = await store.readStream(streamId, { maxCount: 1 });

        const controller = new AbortController();
        const seen: RecordedEvent[] = [];
        const following = (async () => {
          for await (const event of store.follow({ after: first.position, signal: controller.signal })) {
            if (event.streamId === streamId) seen.push(event);
          }
        })();

        await waitUntil(() => seen.length >= 2, 'the existing events after the checkpoint');
        const live = [newEvent('L3'), newEvent('L4')];
        await store.append(streamId, [live[0]], { expectedRevision: 2 });
        await store.append(streamId, [live[1]], { expectedRevision: 3 });
        await waitUntil(() => seen.length >= 4, 'the live events');

        controller.abort();
        await expectToSettle(following, 'follow after abort');
        expect(seen.map((e) => e.type)).toEqual(['E1', 'E2', 'L3', 'L4']);
        expect(seen.map((e) => e.revision)).toEqual([1, 2, 3, 4]);
        expectStrictlyIncreasing(seen.map((e) => e.position));
        expect(seen[0].position).toBeGreaterThan(first.position);
        expect(seen[3].metadata).toEqual(live[1].metadata);

        // Nothing arrives after the abort.
        await store.append(streamId, [newEvent('After')], { expectedRevision: 4 });
        await sleep(50);
        expect(seen).toHaveLength(4);
      });

      it('stops following promptly when aborted while waiting, or aborted before it starts', async () => {
        const head = await store.headPosition();
        const controller = new AbortController();
        const following = (async () => {
          const got: RecordedEvent[] = [];
          for await (const event of store.follow({ after: head, signal: controller.signal })) got.push(event);
          return got;
        })();
        await sleep(30);
        controller.abort();
        await expectToSettle(following, 'follow after abort while waiting');

        const before = new AbortController();
        before.abort();
        const none: RecordedEvent[] = [];
        await expectToSettle(
          (async () => {
            for await (const event of store.follow({ after: 0, signal: before.signal })) none.push(event);
          })(),
          'follow with an aborted signal',
        );
        expect(none).toEqual([]);
      });
    });

    describe('what is stored', () => {
      it('round-trips metadata unchanged and Cyrillic data', async () => {
        const streamId = newStreamId('roundtrip');
        const metadata: EventMetadata = {
          actor: { id: 'user-17', role: 'department-admin' },
          department: 'Управление образования г. Тверь',
          correlationId: randomUUID(),
          causationId: randomUUID(),
          commandId: randomUUID(),
          idempotencyKey: 'ключ-идемпотентности-42',
          reason: 'Реорганизация: слияние школ № 3 и № 7',
          source: 'import',
          recordedAt: '2024-03-01T09:15:30.123Z',
          effectiveAt: '2024-09-01',
          schemaVersion: 3,
        };
        const data = {
          name: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 12»',
          shortName: 'МБОУ СШ № 12',
          address: { city: 'Тверь', street: 'ул. Советская, д. 5' },
          grades: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
          capacity: 1250,
          ratio: 0.875,
          accredited: true,
          closedOn: null,
          tags: ['ёлка', 'Ё', 'щ', '№', '“кавычки”', 'emoji 🏫'],
        };
        const event: NewEvent = { id: randomUUID(), type: 'InstitutionRegistered', data, metadata };
        const minimal: NewEvent = {
          id: randomUUID(),
          type: 'InstitutionRenamed',
          data: { name: 'Гимназия' },
          metadata: {
            actor: { id: 'system', role: 'system' },
            department: 'dep-1',
            correlationId: randomUUID(),
            causationId: randomUUID(),
            commandId: randomUUID(),
            source: 'system',
            recordedAt: '2024-03-02T00:00:00.000Z',
            schemaVersion: 1,
          },
        };
        const headBefore = await store.headPosition();
        await store.append(streamId, [event, minimal], { expectedRevision: 'no_stream' });

        const [read, readMinimal] = await store.readStream(streamId);
        expect(read.data).toEqual(data);
        expect(read.metadata).toEqual(metadata);
        expect(read.type).toBe('InstitutionRegistered');
        expect(readMinimal.metadata).toEqual(minimal.metadata);
        expect(Object.keys(readMinimal.metadata).sort()).toEqual(Object.keys(minimal.metadata).sort());

        const fromLog = (await readAllAfter(store, headBefore, 50, (e) => e.streamId === streamId, 2)).events;
        expect(fromLog.map((e) => [e.data, e.metadata])).toEqual([
          [data, metadata],
          [minimal.data, minimal.metadata],
        ]);
      });
    });

    describe('restart', () => {
      it('loses nothing that was acknowledged', async () => {
        const streams = range(10).map((n) => newStreamId(`restart${n}`));
        const acknowledged = await Promise.all(
          streams.map(async (streamId, n) => {
            const events = range(n + 1).map((i) => newEvent('Kept', { n, i, text: 'сохранено' }));
            const result = await store.append(streamId, events, { expectedRevision: 'no_stream' });
            return { streamId, events, result };
          }),
        );
        const headBefore = await store.headPosition();

        if (!fixture.reopen) {
          // Nothing to restart: at least everything acknowledged is readable.
          for (const { streamId, events } of acknowledged) {
            expect((await store.readStream(streamId)).map((e) => e.id)).toEqual(events.map((e) => e.id));
          }
          return;
        }
        store = await fixture.reopen();

        for (const { streamId, events, result } of acknowledged) {
          const read = await store.readStream(streamId);
          expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
          expect(read.map((e) => e.data)).toEqual(events.map((e) => e.data));
          expect(read[read.length - 1].position).toBe(result.position);
          expect(await store.streamRevision(streamId)).toBe(result.nextRevision);
        }
        if (gapless) expect(await store.headPosition()).toBe(headBefore);
        else expect(await store.headPosition()).toBeGreaterThanOrEqual(headBefore);

        const [first] = acknowledged;
        const next = await store.append(first.streamId, [newEvent('AfterRestart')], { expectedRevision: 0 });
        expect(next.nextRevision).toBe(1);
        expect(next.position).toBeGreaterThan(headBefore);
        // Retrying an append acknowledged before the restart is still a no-op.
        expect(await store.append(first.streamId, first.events, { expectedRevision: 'no_stream' })).toEqual(first.result);
      });
    });
  });
};

// ---- helpers ---------------------------------------------------------------------------------

const newStreamId = (label: string): string => `contract_${label}-${randomUUID().replace(/-/g, '').slice(0, 16)}`;

const baseMetadata = (): EventMetadata => ({
  actor: { id: 'tester', role: 'admin' },
  department: 'contract',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  commandId: randomUUID(),
  source: 'system',
  recordedAt: new Date().toISOString(),
  schemaVersion: 1,
});

const newEvent = (type: string, data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: baseMetadata(),
});

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const expectStrictlyIncreasing = (values: number[]): void => {
  for (let i = 1; i < values.length; i++) {
    if (!(values[i] > values[i - 1])) {
      throw new Error(`not strictly increasing at ${i}: ${values[i - 1]} then ${values[i]} in [${values.join(', ')}]`);
    }
  }
};

/**
 * Reads the global log after `after` in batches of `batch` until `want` events passing `keep`
 * have been seen (other writers of a shared server may add unrelated events in between).
 */
const readAllAfter = async (
  store: EventStore,
  after: number,
  batch: number,
  keep: (e: RecordedEvent) => boolean,
  want: number,
): Promise<{ events: RecordedEvent[]; batches: RecordedEvent[][] }> => {
  const events: RecordedEvent[] = [];
  const batches: RecordedEvent[][] = [];
  let checkpoint = after;
  for (let round = 0; round < 10_000 && events.length < want; round++) {
    const page = await store.readAll({ after: checkpoint, maxCount: batch });
    if (page.length === 0) break;
    batches.push(page);
    events.push(...page.filter(keep));
    checkpoint = page[page.length - 1].position;
  }
  const tail = await store.readAll({ after: checkpoint, maxCount: batch });
  if (tail.length > 0) batches.push(tail);
  events.push(...tail.filter(keep));
  return { events, batches };
};

const waitUntil = async (condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
};

const expectToSettle = async (promise: Promise<unknown>, what: string, timeoutMs = 5_000): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not end within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
};
