import { ResourceCommand } from '@app/platform/commands';

export interface CorrectNetworkDetailsInput {
  name?: string;
  number?: string | null;
  description?: string | null;
  website?: string | null;
  reason: string;
}

export class CorrectNetworkDetailsCommand extends ResourceCommand<CorrectNetworkDetailsInput> {}
