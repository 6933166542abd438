import { randomUUID } from 'node:crypto';
import { NewEvent } from '@app/kernel';

/** An event to append in a read-store spec: any type and data, plain metadata of department `dept-1`. */
export const testEvent = (type: string, data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    actor: { id: 'tester', role: 'admin' },
    department: 'dept-1',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
    source: 'api',
    recordedAt: new Date().toISOString(),
    schemaVersion: 1,
  },
});
