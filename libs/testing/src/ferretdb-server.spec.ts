import { createConnection } from 'node:net';
import { MongoClient } from 'mongodb';
import { describeWithServer } from './describe-with-server';
import { goBinary, MONGO_TEST_SERVER_TIMEOUT_MS, startFerretDb } from './ferretdb-server';

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describeWithServer('FerretDB test server', goBinary(), 'Go is not installed (no `go` on PATH)', () => {
  it(
    'starts private instances that answer the MongoDB protocol, each on its own port, and stops them',
    async () => {
      const [first, second] = await Promise.all([startFerretDb(), startFerretDb()]);
      const ports = [first, second].map((server) => Number(new URL(server.url).port));
      try {
        expect(ports[0]).not.toBe(ports[1]);
        const client = await MongoClient.connect(first.url);
        try {
          await client.db('okrug_ferretdb_check').collection('things').insertOne({ _id: 'a' as never, n: 1 });
          expect(await client.db('okrug_ferretdb_check').collection('things').findOne({})).toEqual({ _id: 'a', n: 1 });
        } finally {
          await client.close();
        }
      } finally {
        await Promise.all([first.stop(), second.stop()]);
      }
      expect(await accepts(ports[0])).toBe(false);
      expect(await accepts(ports[1])).toBe(false);
      await first.stop();
    },
    MONGO_TEST_SERVER_TIMEOUT_MS,
  );
});
