import { IdentityService } from '@app/identity';
import { ProjectionsService } from '@app/platform';
import { newId } from '@app/kernel';
import { ApiHarness } from './api-harness';

/** The secret of a first admin key of another department, as `departments create` makes it. */
export const secondDepartmentAdmin = async (api: ApiHarness, department: string): Promise<string> => {
  const identity = api.app.get(IdentityService);
  const issued = await identity.issue(
    { actorId: `admin.${department}`, role: 'admin', department, label: `first admin of ${department}` },
    { actor: { id: 'test', role: 'system' }, department, commandId: newId(), correlationId: newId(), source: 'system', receivedAt: new Date() },
  );
  await api.app.get(ProjectionsService).waitFor(issued.position, ['api-keys']);
  return issued.secret;
};
