import { DepartmentCommand } from '@app/platform/commands';
import type { EventKind } from '../event/event-vocabulary';

export interface EstablishEventSeriesInput { name: string; kind: EventKind; networkIds: string[] }

export class EstablishEventSeriesCommand extends DepartmentCommand<EstablishEventSeriesInput> {}
