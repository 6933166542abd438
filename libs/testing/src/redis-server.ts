import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable, superviseServerChild } from './server-child';
import { testServers } from './test-servers.config';

export interface RedisServerHandle {
  /** `redis://127.0.0.1:<port>` of the started server. */
  url: string;
  port: number;
  /** Kills the server and waits until it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

const FALLBACK_BINARY = '/usr/bin/redis-server';

/**
 * Path of a redis-server binary, found synchronously (so a suite can decide at load time whether
 * to run): the configured one, else `redis-server` on PATH, else /usr/bin/redis-server.
 */
export const redisServerBinary = (): string | undefined =>
  findExecutable('redis-server', { configured: testServers.redisServerBinary, searchPath: testServers.searchPath, fallback: FALLBACK_BINARY });

/** A TCP port that was free a moment ago (the OS picks it; we release it straight away). */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });

/** Resolves when a PING on the port gets +PONG; rejects on any error or after `ms`. */
const pingOnce = (port: number, ms: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let answer = '';
    const done = (error?: Error) => {
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    socket.setTimeout(ms, () => done(new Error('PING timed out')));
    socket.once('error', done);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      if (answer.includes('\r\n')) {
        done(answer.startsWith('+PONG') ? undefined : new Error(`unexpected answer: ${answer.trim()}`));
      }
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const startOn = async (binary: string, port: number, readyTimeoutMs: number): Promise<RedisServerHandle> => {
  const dir = mkdtempSync(join(tmpdir(), 'redis-test-'));
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const { spawnError, stop } = superviseServerChild(child, dir, 5000);

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (spawnError() || child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`redis-server exited before answering: ${spawnError()?.message ?? output.trim()}`);
    }
    try {
      await pingOnce(port, 1000);
      return { url: `redis://127.0.0.1:${port}`, port, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`redis-server did not answer PING within ${readyTimeoutMs} ms: ${output.trim()}`);
      }
      await sleep(50);
    }
  }
};

/**
 * Starts a private redis-server on a free port (no persistence, bound to 127.0.0.1), waiting until
 * it answers PING. Resolves null when no redis-server binary is installed.
 */
export const startRedisServer = async (
  options: { readyTimeoutMs?: number } = {},
): Promise<RedisServerHandle | null> => {
  const binary = redisServerBinary();
  if (!binary) return null;
  const readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
  let lastError: unknown;
  // The port is free when picked but another process could take it before redis binds it.
  for (let tries = 0; tries < 3; tries++) {
    try {
      return await startOn(binary, await freePort(), readyTimeoutMs);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
};
