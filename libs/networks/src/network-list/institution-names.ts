import { Inject, Injectable } from '@nestjs/common';
import { READ_STORE, ReadStore } from '@app/read-store/read-store.port';
import { INSTITUTIONS, InstitutionView } from '../institution-list/institution-list.projection';

export interface InstitutionName {
  shortName: string;
  fullName: string;
  kind: string;
  status: string;
}

/** Names of institutions for readers of compositions and memberships, in one query. */
@Injectable()
export class InstitutionNames {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async of(department: string, ids: string[]): Promise<Map<string, InstitutionName>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const docs = (await this.readStore.find(INSTITUTIONS, { where: { department, id: { in: unique } }, limit: unique.length })) as InstitutionView[];
    return new Map(docs.map((d) => [d.id, { shortName: d.shortName, fullName: d.fullName, kind: d.kind, status: d.status }]));
  }
}
