import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemType } from '../problem-details.filter';

/** How long a shutdown waits for the requests in flight before it closes the stores anyway. */
export const DRAIN_TIMEOUT_MS = 25_000;

/**
 * One request's share of the work in flight: it counts from the moment the request arrives
 * until its connection's response is over *and* the server has answered it. A client that hangs
 * up does not stop the command it sent: the handler goes on (and appends), and answers (into
 * the void) only when it is done, so the answer, not the hang-up, ends the request's share.
 */
export class InFlightRequest {
  private closed = false;
  private answered = false;
  private released = false;

  constructor(private readonly release: () => void) {}

  /** The connection's response is over: sent, or the client hung up. */
  close(): void {
    this.closed = true;
    this.settle();
  }

  /** The server has answered (the handler, or an error, is done with the request). */
  answer(): void {
    this.answered = true;
    this.settle();
  }

  private settle(): void {
    if (this.released || !this.closed || !this.answered) return;
    this.released = true;
    this.release();
  }
}

/**
 * Counts the requests in flight and, on shutdown, stops admitting new ones and waits for those
 * in flight before the stores close. Requests that arrive meanwhile get a 503 problem with
 * `Connection: close`. Nest calls `beforeApplicationShutdown` before it closes the HTTP server
 * and before `onApplicationShutdown`, where the projections flush and the stores close.
 */
@Injectable()
export class RequestDrain implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('http');
  private active = 0;
  private draining = false;
  private idle: Array<() => void> = [];

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  get isDraining(): boolean {
    return this.draining;
  }

  get inFlight(): number {
    return this.active;
  }

  /** Counts one request in flight; null while draining (the request is to be refused). */
  admit(): InFlightRequest | null {
    if (this.draining) return null;
    this.active++;
    return new InFlightRequest(() => {
      this.active--;
      if (this.active === 0) for (const wake of this.idle.splice(0)) wake();
    });
  }

  /** Stops admitting; resolves true once nothing is in flight, false when `timeoutMs` ran out first. */
  async drain(timeoutMs = DRAIN_TIMEOUT_MS): Promise<boolean> {
    this.draining = true;
    if (this.active === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const drained = await new Promise<boolean>((resolve) => {
      const wake = () => resolve(true);
      this.idle.push(wake);
      timer = setTimeout(() => {
        this.idle = this.idle.filter((w) => w !== wake);
        resolve(false);
      }, timeoutMs);
    });
    clearTimeout(timer);
    return drained;
  }

  /** Hooks the count into the HTTP server, when this process has one (a worker has none). */
  onModuleInit(): void {
    const instance = this.adapterHost?.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!instance || typeof instance.addHook !== 'function') return;
    instance.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
      const inFlight = this.admit();
      if (!inFlight) {
        const correlationId = request.headers['x-correlation-id'];
        reply
          .code(503)
          .header('Connection', 'close')
          .header('Retry-After', '1')
          .header('Content-Type', 'application/problem+json; charset=utf-8')
          .send({
            type: problemType('shutting-down'),
            title: 'Not ready yet',
            status: 503,
            detail: 'the server is shutting down; send the request again once it is back, or to another instance',
            instance: request.url,
            ...(typeof correlationId === 'string' ? { correlationId } : {}),
          });
        return;
      }
      (request as RequestWithDrain)[IN_FLIGHT] = inFlight;
      reply.raw.once('close', () => inFlight.close());
      done();
    });
    // Runs when a reply is sent, even to a client that has hung up (and for errors too).
    instance.addHook('onSend', (request: FastifyRequest, _reply: FastifyReply, payload: unknown, done) => {
      (request as RequestWithDrain)[IN_FLIGHT]?.answer();
      done(null, payload);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    const waiting = this.active;
    const drained = await this.drain();
    if (!drained) this.logger.warn({ msg: 'requests still in flight after the drain time; closing anyway', inFlight: this.active });
    else if (waiting > 0) this.logger.log({ msg: 'requests in flight finished', requests: waiting });
  }
}

const IN_FLIGHT = Symbol('okrug.in-flight');

type RequestWithDrain = FastifyRequest & { [IN_FLIGHT]?: InFlightRequest };
