import { AddressInfo, Server, Socket, createServer, connect } from 'node:net';

/** Where a `mongodb://` url with a single host points, and the same url through another host. */
export interface RelayableUrl {
  host: string;
  port: number;
  /** The url with its host replaced by `127.0.0.1:<port>`, connecting to that one host only. */
  through: (port: number) => string;
}

/**
 * The single host of a plain `mongodb://` url; undefined for `mongodb+srv://`, host lists and
 * TLS (whose certificate would not name the relay).
 */
export const relayableUrl = (url: string | undefined): RelayableUrl | undefined => {
  if (url && /[?&](tls|ssl)=true/i.test(url)) return undefined;
  const parts = url?.match(/^mongodb:\/\/(?:([^@/]*)@)?([^/?,@]+)((?:[/?].*)?)$/);
  if (!parts) return undefined;
  const [, credentials, hostPort, rest] = parts;
  const colon = hostPort.lastIndexOf(':');
  const bracketed = hostPort.endsWith(']');
  const host = (colon > 0 && !bracketed ? hostPort.slice(0, colon) : hostPort).replace(/^\[|\]$/g, '');
  const port = colon > 0 && !bracketed ? Number(hostPort.slice(colon + 1)) : 27017;
  const path = (rest.startsWith('/') ? rest : `/${rest}`).replace(/([?&])directConnection=[^&]*&?/i, '$1').replace(/[?&]$/, '');
  return {
    host,
    port,
    through: (relayPort) =>
      `mongodb://${credentials ? `${credentials}@` : ''}127.0.0.1:${relayPort}${path}${path.includes('?') ? '&' : '?'}directConnection=true`,
  };
};

/** The bytes that open a `find` command on `collection` in an OP_MSG body (BSON string `find`). */
export const findOn = (collection: string): Buffer => {
  const name = Buffer.from(`${collection}\0`, 'utf8');
  const length = Buffer.alloc(4);
  length.writeInt32LE(name.length);
  return Buffer.concat([Buffer.from([0x02]), Buffer.from('find\0', 'utf8'), length, name]);
};

interface Hold {
  matches: (message: Buffer) => boolean;
  remaining: number;
  meanwhile: () => Promise<void>;
  done: { resolve: () => void; reject: (error: unknown) => void };
}

/**
 * A TCP relay in front of a MongoDB server that can hold one client command back until the
 * test has done something else on the server: how a test puts another client's write exactly
 * between two reads of an adapter, without timing. Messages are relayed whole and in order;
 * the driver's messages are uncompressed unless it is asked for compression.
 */
export class CommandHoldingRelay {
  private hold: Hold | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<CommandHoldingRelay> {
    let relay: CommandHoldingRelay | undefined;
    const server = createServer((client) => relay?.relay(client, target));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    relay = new CommandHoldingRelay(server, (server.address() as AddressInfo).port);
    return relay;
  }

  /**
   * Before the `nth` client message that `matches` reaches the server, runs `meanwhile` and
   * waits for it. Resolves once `meanwhile` has run and the message was sent on.
   */
  holdBefore(nth: number, matches: (message: Buffer) => boolean, meanwhile: () => Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.hold = { matches, remaining: nth, meanwhile, done: { resolve, reject } };
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, target: { host: string; port: number }): void {
    const upstream = connect(target.port, target.host);
    this.sockets.add(client).add(upstream);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    upstream.on('data', (chunk) => client.write(chunk));

    let pending = Buffer.alloc(0);
    let queue = Promise.resolve();
    client.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      // A wire-protocol message starts with its total length (int32, little-endian).
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const message = pending.subarray(0, pending.readInt32LE(0));
        pending = pending.subarray(message.length);
        queue = queue.then(() => this.forward(message, upstream));
      }
    });
  }

  private async forward(message: Buffer, upstream: Socket): Promise<void> {
    const hold = this.hold;
    if (hold?.matches(message) && --hold.remaining === 0) {
      this.hold = undefined;
      try {
        await hold.meanwhile();
      } catch (error) {
        hold.done.reject(error);
        upstream.write(message);
        return;
      }
      upstream.write(message);
      hold.done.resolve();
      return;
    }
    upstream.write(message);
  }
}
