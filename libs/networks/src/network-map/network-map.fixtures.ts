import { EventMetadata, RecordedEvent } from '@app/kernel';
import { NetworkMapEvent, networkMapStream } from './network-map.decider';

/** Recorded events of a department's district map: the Bakhmut redistribution of 2019. */
export const bakhmutMap = (): Array<RecordedEvent<NetworkMapEvent>> => {
  const events: NetworkMapEvent[] = [
    { type: 'NetworkRegistered', data: { networkId: 'd-11', department: 'bakhmut', kind: 'educational-district', name: 'Освітній округ НВК № 11', number: '2', description: null, website: null } },
    { type: 'NetworkRegistered', data: { networkId: 'd-5', department: 'bakhmut', kind: 'educational-district', name: 'Освітній округ ЗОШ № 5', number: '1', description: null, website: null } },
    { type: 'MemberAdmitted', data: { networkId: 'd-11', institutionId: 'nvk-11', role: 'member', from: '2017-09-01' } },
    { type: 'AnchorSet', data: { networkId: 'd-11', institutionId: 'nvk-11', from: '2017-09-01' } },
    { type: 'MemberAdmitted', data: { networkId: 'd-5', institutionId: 'school-7', role: 'member', from: '2017-09-01' } },
    { type: 'MemberTransferred', data: { institutionId: 'school-7', fromNetworkId: 'd-5', toNetworkId: 'd-11', role: 'member', on: '2019-09-01', reason: 'Перерозподіл' } },
    { type: 'MemberAdmitted', data: { networkId: 'd-11', institutionId: 'dnz-3', role: 'partner', from: '2019-09-01' } },
    { type: 'MemberRoleChanged', data: { networkId: 'd-11', institutionId: 'dnz-3', role: 'member', from: '2020-09-01' } },
    { type: 'HeadAppointed', data: { networkId: 'd-11', personId: 'p-1', position: 'директор НВК № 11', appointedOn: '2019-09-01' } },
  ];
  return events.map((event, i) => {
    const metadata: EventMetadata = {
      actor: { id: 'operator-1', role: 'operator' },
      department: 'bakhmut',
      correlationId: `c-${i}`,
      causationId: `c-${i}`,
      commandId: `c-${i}`,
      source: 'api',
      recordedAt: `2019-09-${String(2 + i).padStart(2, '0')}T09:00:00.000Z`,
      schemaVersion: 1,
    };
    return { ...event, id: `e-${i}`, streamId: networkMapStream('bakhmut', 'educational-district'), revision: i, position: 100 + i, metadata };
  });
};

/** The events of a map's log followed by more of the same stream, recorded after them. */
export const laterInMap = (events: Array<RecordedEvent<NetworkMapEvent>>, added: NetworkMapEvent[]): Array<RecordedEvent<NetworkMapEvent>> => {
  const last = events[events.length - 1];
  return [
    ...events,
    ...added.map((event, i) => ({
      ...event,
      id: `x-${i}`,
      streamId: last.streamId,
      revision: last.revision + 1 + i,
      position: last.position + 1 + i,
      metadata: { ...last.metadata, recordedAt: `2024-09-${String(1 + i).padStart(2, '0')}T09:00:00.000Z` },
    })),
  ];
};
