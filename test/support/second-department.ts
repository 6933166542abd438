import { IdentityService } from '@app/identity/administration';
import { newId } from '@app/kernel';
import { ProjectionsService } from '@app/platform';
import { ApiHarness } from './api-harness';

/** Creates another department as `npm run cli -- departments create` does; the secret of its first admin key. */
export const secondDepartmentAdmin = async (api: ApiHarness, department: string): Promise<string> => {
  const issued = await api.app.get(IdentityService).createDepartment(department, {
    actor: { id: 'cli', role: 'admin' },
    department,
    commandId: newId(),
    correlationId: newId(),
    source: 'system',
    receivedAt: new Date(),
  });
  await api.app.get(ProjectionsService).waitFor(issued.position, ['api-keys']);
  return issued.secret;
};
