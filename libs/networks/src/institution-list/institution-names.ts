import { ReadModelReader } from '@app/read-store';
import { InstitutionView, institutionListProjection } from './institution-list.projection';

export interface InstitutionName {
  shortName: string;
  fullName: string;
  kind: string;
  status: string;
}

/**
 * Names of institutions for readers of compositions, memberships and changes, in one query of
 * the institution list: a query that calls this declares `institutionListProjection` in its reads.
 */
export const institutionNames = async (read: ReadModelReader, department: string, ids: string[]): Promise<Map<string, InstitutionName>> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const docs = await read.find<InstitutionView>(institutionListProjection, { where: { department, id: { in: unique } }, limit: unique.length });
  return new Map(docs.map((d) => [d.id, { shortName: d.shortName, fullName: d.fullName, kind: d.kind, status: d.status }]));
};
