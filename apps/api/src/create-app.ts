import { DynamicModule, LoggerService, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Clock, newId } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { IdentityService } from '@app/identity/administration';
import { AppConfig, CLOCK, JsonLogger, ProblemDetailsFilter, ProjectionsService, SHUTDOWN_SIGNALS, requestScope, validationPipe } from '@app/platform';
import { answerClientError, answerFrameworkError, documentValidationRules, installBodyParsers, installRouterProblems } from '@app/platform/http';
import { AppModule } from './app.module';

declare module 'fastify' {
  interface FastifyRequest {
    /** When the request arrived, by the injected clock (set on `onRequest`). */
    receivedAt: Date | null;
  }
}

export interface StartedApi {
  app: NestFastifyApplication;
  /** The admin key made on the first start, shown once; undefined when it already existed. */
  createdAdminKey?: string;
}

/**
 * Builds the API on Fastify with validation, problem responses, correlation ids, request
 * logs and the OpenAPI document, bootstraps the admin key, and waits for the read models
 * to catch up with it. Used by `main.ts` and by the e2e tests.
 */
export const createApi = async (
  config: AppConfig,
  options: { logger?: LoggerService; runProjections?: boolean; clock?: Clock; imports?: readonly (Type<unknown> | DynamicModule)[] } = {},
): Promise<StartedApi> => {
  const logger = options.logger ?? new JsonLogger(config.logLevel);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { runProjections: options.runProjections ?? true, clock: options.clock, imports: options.imports }),
    // While closing, RequestDrain answers new requests with a 503 problem (see docs/operations.md).
    new FastifyAdapter({ bodyLimit: 1_048_576, return503OnClosing: false, frameworkErrors: answerFrameworkError, clientErrorHandler: answerClientError }),
    { logger, bodyParser: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  // JSON (bounded, UTF-8) and CSV only; every error, the router's own included, is a problem document.
  installBodyParsers(fastify);
  installRouterProblems(fastify);
  // When a request was received is domain time (it becomes the events' recordedAt): the injected clock's.
  const clock = app.get<Clock>(CLOCK);
  fastify.decorateRequest('receivedAt', null);
  fastify.addHook('onRequest', (request, reply, done) => {
    request.receivedAt = clock.now();
    const given = request.headers['x-correlation-id'];
    const correlationId = typeof given === 'string' && given.length > 0 && given.length <= 200 ? given : newId();
    request.headers['x-correlation-id'] = correlationId;
    reply.header('X-Correlation-Id', correlationId);
    requestScope.run({ correlationId }, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    logger.log(
      {
        msg: 'request',
        method: request.method,
        // The path only: query strings can carry names being searched for.
        url: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        correlationId: request.headers['x-correlation-id'],
      },
      'http',
    );
    done();
  });
  const eventStore = app.get<EventStore>(EVENT_STORE);
  app.useGlobalPipes(validationPipe({ headPosition: () => eventStore.headPosition() }));
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Only these stop the server; Nest's default list also has SIGHUP, SIGUSR2 and others.
  app.enableShutdownHooks(SHUTDOWN_SIGNALS);

  documentValidationRules();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('okrug admin API')
      .setDescription(
        'Back office for municipal education departments: institutions, networks, plans, events and annual analyses. ' +
          'Every change is a recorded event with who, when and why. Errors are RFC 7807 problem documents. ' +
          'Writes answer {id, revision, position}; pass position as consistentWith to read your write.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });

  await app.init();
  await fastify.ready();

  const bootstrap = await app.get(IdentityService).bootstrapAdmin({ adminKey: config.adminKey, department: config.department });
  if (options.runProjections ?? true) await app.get(ProjectionsService).waitFor(bootstrap.position, undefined, 30_000);
  return { app, createdAdminKey: bootstrap.created?.secret };
};
