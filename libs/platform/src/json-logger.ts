import { AsyncLocalStorage } from 'node:async_hooks';
import { LoggerService } from '@nestjs/common';

/** What is known about the request being served, for log lines written while serving it. */
export interface RequestScope {
  correlationId: string;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

const ORDER = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof ORDER;

/** Structured logs: one JSON object a line on stdout, with the correlation id of the request. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {}

  private emit(level: Exclude<LogLevel, 'silent'>, message: unknown, rest: unknown[]): void {
    if (ORDER[level] < ORDER[this.level]) return;
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level };
    if (context) entry.context = context;
    const scope = requestScope.getStore();
    if (scope) entry.correlationId = scope.correlationId;
    if (message instanceof Error) {
      entry.msg = message.message;
      entry.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(entry, message);
    } else {
      entry.msg = String(message);
    }
    for (const extra of rest) {
      if (typeof extra === 'string' && extra.includes('\n')) entry.stack = extra;
      else if (extra !== undefined) entry.detail = extra;
    }
    this.write(JSON.stringify(entry));
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
}
