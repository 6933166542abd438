import { ResourceCommand } from '@app/platform/commands';

export interface SplitNetworkInput {
  institutionIds: string[];
  on: string;
  reason: string;
  name: string;
  number?: string;
  description?: string;
  website?: string;
}

/** Answers with the new network's id; the source's revision moves too. */
export class SplitNetworkCommand extends ResourceCommand<SplitNetworkInput> {}
