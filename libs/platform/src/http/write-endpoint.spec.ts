import { Body, CanActivate, ExecutionContext, Param, Post } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { CommandContext } from '@app/kernel';
import { ApiController, Caller, WriteEndpoint } from './write-endpoint';

@ApiController('things', 'the things')
class ThingsController {
  @Post()
  @WriteEndpoint({ summary: 'Register a thing', status: 201, problems: [400, 401, 422] })
  register(@Caller() caller: CommandContext) {
    return caller;
  }

  @Post(':id/close')
  @WriteEndpoint({ summary: 'Close a thing', ifMatch: true, problems: [400, 404, 412] })
  close(@Param('id') _id: string, @Body() _body: object, @Caller() caller: CommandContext) {
    return caller;
  }

  @Post('new')
  @WriteEndpoint({ summary: 'Register a thing where it can be found', status: 201, location: '/things/:id', problems: [400] })
  registerFound() {
    return { id: 't-9', revision: 0, position: 1 };
  }

  @Post('quiet')
  @WriteEndpoint({ summary: 'A write whose document never listed the key', idempotencyKey: false, problems: [400] })
  quiet(@Caller() caller: CommandContext) {
    return caller;
  }

  @Post('told')
  @WriteEndpoint({ summary: 'A write whose repeat is answered otherwise', idempotencyKey: 'A repeat is refused', problems: [409] })
  told(@Caller() caller: CommandContext) {
    return caller;
  }

  @Post(':id/rename')
  @WriteEndpoint({ summary: 'Rename a thing', ifMatch: 'The thing’s revision', problems: [412] })
  rename(@Caller() caller: CommandContext) {
    return caller;
  }
}

/** Stands in for the key guard: the principal, and the arrival time the API's hook sets. */
class FakeKeyGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest();
    req.principal = { actorId: 'operator.koval', role: 'operator', department: 'bakhmut' };
    req.receivedAt = new Date('2030-01-02T03:04:05Z');
    return true;
  }
}

describe('WriteEndpoint and Caller', () => {
  let app: NestFastifyApplication;
  let doc: ReturnType<typeof SwaggerModule.createDocument>;

  beforeAll(async () => {
    const module = await Test.createTestingModule({ controllers: [ThingsController] }).compile();
    app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useGlobalGuards(new FakeKeyGuard());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    doc = SwaggerModule.createDocument(app, new DocumentBuilder().build());
  });
  afterAll(() => app.close());

  const headersOf = (path: string) => (doc.paths[path].post!.parameters ?? []).filter((p) => 'in' in p && p.in === 'header').map((p) => ('name' in p ? [p.name, p.description] : []));

  it('documents the status, the answer, the problems and the headers, Idempotency-Key before If-Match', () => {
    const register = doc.paths['/things'].post!;
    expect(register).toMatchObject({ operationId: 'ThingsController_register', summary: 'Register a thing', tags: ['the things'], security: [{ bearer: [] }] });
    expect(Object.keys(register.responses).sort()).toEqual(['201', '400', '401', '422']);
    expect(headersOf('/things')).toEqual([['Idempotency-Key', expect.any(String)]]);
    expect(Object.keys(doc.paths['/things/{id}/close'].post!.responses).sort()).toEqual(['200', '400', '404', '412']);
    expect(headersOf('/things/{id}/close').map(([name]) => name)).toEqual(['Idempotency-Key', 'If-Match']);
    expect(headersOf('/things/{id}/rename')[1]).toEqual(['If-Match', 'The thing’s revision']);
  });

  it('leaves Idempotency-Key out of the document when asked to, or describes it as told; the caller’s context still has it', async () => {
    expect(headersOf('/things/quiet')).toEqual([]);
    expect(headersOf('/things/told')).toEqual([['Idempotency-Key', 'A repeat is refused']]);
    const res = await request(app.getHttpServer()).post('/things/quiet').set('Idempotency-Key', 'k-2').expect(200);
    expect(res.body.idempotencyKey).toBe('k-2');
  });

  it('sends Location with the answer’s id for something new, and only there', async () => {
    const res = await request(app.getHttpServer()).post('/things/new').expect(201);
    expect(res.headers.location).toBe('/things/t-9');
    expect(res.body).toEqual({ id: 't-9', revision: 0, position: 1 });
    expect((await request(app.getHttpServer()).post('/things').expect(201)).headers.location).toBeUndefined();
  });

  it('answers with the status it documents', async () => {
    await request(app.getHttpServer()).post('/things').expect(201);
    await request(app.getHttpServer()).post('/things/1/close').send({}).expect(200);
  });

  it('gives the caller’s context: principal, headers, If-Match and the arrival time', async () => {
    const res = await request(app.getHttpServer())
      .post('/things/1/close')
      .set({ 'Idempotency-Key': 'k-1', 'If-Match': '"7"', 'X-Correlation-Id': 'c-1' })
      .send({})
      .expect(200);
    expect(res.body).toMatchObject({
      actor: { id: 'operator.koval', role: 'operator' },
      department: 'bakhmut',
      correlationId: 'c-1',
      idempotencyKey: 'k-1',
      ifMatch: 7,
      source: 'api',
      receivedAt: '2030-01-02T03:04:05.000Z',
    });
    expect(res.body.causationId).toBe(res.body.commandId);
    const plain = await request(app.getHttpServer()).post('/things').expect(201);
    expect(plain.body).not.toHaveProperty('ifMatch');
  });
});
