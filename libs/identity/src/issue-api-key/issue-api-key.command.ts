import { DepartmentCommand } from '@app/platform/commands';
import type { IssueRequest, IssuedKey } from '../identity.service';

/** Issues an API key; answered with the key and its secret (shown once). */
export class IssueApiKeyCommand extends DepartmentCommand<IssueRequest, IssuedKey> {}
