import {
  BeforeApplicationShutdown,
  CallHandler,
  ExecutionContext,
  Injectable,
  Logger,
  NestInterceptor,
  OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Observable, finalize } from 'rxjs';
import { problemType } from '../problem-details.filter';

/** How long a shutdown waits for the requests in flight before it closes the stores anyway. */
export const DRAIN_TIMEOUT_MS = 25_000;

/**
 * One request's share of the work in flight: it counts from the moment the request arrives
 * until its response is gone *and* its handler has returned (a client that hangs up does not
 * stop the command it sent, which still appends).
 */
export class InFlightRequest {
  private holds = 0;
  private closed = false;
  private released = false;

  constructor(private readonly release: () => void) {}

  /** The client has gone (answered or hung up). */
  get gone(): boolean {
    return this.closed;
  }

  /** The connection's response is over. */
  close(): void {
    this.closed = true;
    this.settle();
  }

  /** A handler of this request starts; the returned function says it ended. */
  hold(): () => void {
    this.holds++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.holds--;
      this.settle();
    };
  }

  private settle(): void {
    if (this.released || !this.closed || this.holds > 0) return;
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

/**
 * Keeps a request counted while its handler runs, even when its client has hung up. A handler
 * that would only start after its client left during a shutdown is not started at all.
 */
@Injectable()
export class RequestDrainInterceptor implements NestInterceptor {
  constructor(private readonly drain: RequestDrain) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const inFlight = context.switchToHttp().getRequest<RequestWithDrain>()?.[IN_FLIGHT];
    if (!inFlight) return next.handle();
    if (inFlight.gone && this.drain.isDraining) {
      return new Observable((subscriber) => subscriber.complete());
    }
    const release = inFlight.hold();
    return next.handle().pipe(finalize(release));
  }
}
