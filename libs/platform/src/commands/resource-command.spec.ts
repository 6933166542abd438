import { Body, Controller, Inject, Injectable, Param, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, CqrsModule } from '@nestjs/cqrs';
import { Test, TestingModule } from '@nestjs/testing';
import { CommandContext, WriteResult } from '@app/kernel';
import { WriteController } from '../http/write-controller';
import { DepartmentCommand, ResourceCommand } from './resource-command';

/*
 * Commands of a slice are subclasses of one base, their handlers and controllers subclasses of
 * bases that hold the constructor. This holds only if @nestjs/cqrs keys each command class on
 * its own (not on what it inherits) and Nest injects what a base's constructor declares.
 */
class CloseThingCommand extends ResourceCommand<{ closedOn: string }> {}
class RenameThingCommand extends ResourceCommand<{ name: string }> {}
class RegisterThingCommand extends DepartmentCommand<{ name: string }> {}
/** A command on a handled command: @CommandHandler gives it an id of its own (hasOwnMetadata), not its parent's. */
class CloseThingForGoodCommand extends CloseThingCommand {}
/** A command nobody handles: it must not reach a sibling's handler. */
class ForgottenThingCommand extends ResourceCommand<{ why: string }> {}

const JOURNAL = Symbol('journal');

@Injectable()
class Things {
  readonly kind = 'things';
}

/** A base like NetworkMapHandler: a token and a class in the constructor, nothing else. */
@Injectable()
abstract class ThingHandler<C extends ResourceCommand<unknown> | DepartmentCommand<unknown>> {
  constructor(
    @Inject(JOURNAL) protected readonly journal: string[],
    protected readonly things: Things,
  ) {}

  abstract execute(command: C): Promise<WriteResult>;

  protected record(what: string, id: string): Promise<WriteResult> {
    this.journal.push(`${this.things.kind}: ${what} ${id}`);
    return Promise.resolve({ id, revision: this.journal.length, position: this.journal.length });
  }
}

@CommandHandler(CloseThingCommand)
class CloseThingHandler extends ThingHandler<CloseThingCommand> {
  execute({ id, body }: CloseThingCommand) {
    return this.record(`closed on ${body.closedOn}`, id);
  }
}

@CommandHandler(CloseThingForGoodCommand)
class CloseThingForGoodHandler extends ThingHandler<CloseThingForGoodCommand> {
  execute({ id }: CloseThingForGoodCommand) {
    return this.record('closed for good', id);
  }
}

@CommandHandler(RenameThingCommand)
class RenameThingHandler extends ThingHandler<RenameThingCommand> {
  execute({ id, body }: RenameThingCommand) {
    return this.record(`renamed ${body.name}`, id);
  }
}

@CommandHandler(RegisterThingCommand)
class RegisterThingHandler extends ThingHandler<RegisterThingCommand> {
  execute({ body, context }: RegisterThingCommand) {
    return this.record(`registered ${body.name} in`, context.department);
  }
}

@Controller('things')
class ThingsController extends WriteController {
  @Post(':id/close')
  close(@Param('id') id: string, @Body() body: { closedOn: string }, context: CommandContext) {
    return this.commands.execute(new CloseThingCommand(id, body, context));
  }
}

const context: CommandContext = {
  actor: { id: 'operator.koval', role: 'operator' },
  department: 'bakhmut',
  commandId: 'c-1',
  correlationId: 'r-1',
  source: 'api',
  receivedAt: new Date('2030-01-02T03:04:05Z'),
};

describe('commands on one base, handlers and controllers on theirs', () => {
  let module: TestingModule;
  let bus: CommandBus;
  let journal: string[];

  beforeEach(async () => {
    journal = [];
    module = await Test.createTestingModule({
      imports: [CqrsModule],
      controllers: [ThingsController],
      providers: [Things, { provide: JOURNAL, useValue: journal }, CloseThingHandler, CloseThingForGoodHandler, RenameThingHandler, RegisterThingHandler],
    }).compile();
    await module.init();
    bus = module.get(CommandBus);
  });
  afterEach(() => module.close());

  it('sends each command to its own handler, though all share one base', async () => {
    await bus.execute(new RenameThingCommand('t-1', { name: 'Ліцей № 7' }, context));
    await bus.execute(new CloseThingCommand('t-1', { closedOn: '2031-06-30' }, context));
    await bus.execute(new RegisterThingCommand({ name: 'НВК № 11' }, context));
    expect(journal).toEqual(['things: renamed Ліцей № 7 t-1', 'things: closed on 2031-06-30 t-1', 'things: registered НВК № 11 in bakhmut']);
  });

  it('sends a command that extends a handled one to its own handler, not its parent’s', async () => {
    await bus.execute(new CloseThingForGoodCommand('t-5', { closedOn: '2031-06-30' }, context));
    await bus.execute(new CloseThingCommand('t-6', { closedOn: '2031-06-30' }, context));
    expect(journal).toEqual(['things: closed for good t-5', 'things: closed on 2031-06-30 t-6']);
  });

  it('answers with the result the command is typed with', async () => {
    const result: WriteResult = await bus.execute(new CloseThingCommand('t-2', { closedOn: '2031-06-30' }, context));
    expect(result).toEqual({ id: 't-2', revision: 1, position: 1 });
  });

  it('refuses a command without a handler of its own, rather than handing it to a sibling', () => {
    expect(() => bus.execute(new ForgottenThingCommand('t-3', { why: 'nobody wrote it' }, context))).toThrow(/No handler found for the command: "ForgottenThingCommand"/);
    expect(journal).toEqual([]);
  });

  it('injects into a subclass what its base class’s constructor declares, tokens included', () => {
    const handler = module.get(CloseThingHandler);
    expect(handler).toBeInstanceOf(ThingHandler);
    expect(handler['journal']).toBe(journal);
    expect(handler['things']).toBeInstanceOf(Things);
    expect(module.get(ThingsController)['commands']).toBe(bus);
  });

  it('sends from a controller that declares no constructor of its own', async () => {
    await module.get(ThingsController).close('t-4', { closedOn: '2031-06-30' }, context);
    expect(journal).toEqual(['things: closed on 2031-06-30 t-4']);
  });
});
