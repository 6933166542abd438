import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CloseInstitutionController } from './close-institution/close-institution.controller';
import { CloseInstitutionHandler } from './close-institution/close-institution.handler';
import { CorrectInstitutionDetailsController } from './correct-institution-details/correct-institution-details.controller';
import { CorrectInstitutionDetailsHandler } from './correct-institution-details/correct-institution-details.handler';
import { ExternalCodeRegistry } from './institution/external-code-registry';
import { InstitutionHistoryController } from './institution-history/institution-history.controller';
import { GetInstitutionHistoryHandler } from './institution-history/get-institution-history.handler';
import { InstitutionListController } from './institution-list/institution-list.controller';
import { GetInstitutionHandler, ListInstitutionsHandler } from './institution-list/list-institutions.handler';
import { RegisterInstitutionController } from './register-institution/register-institution.controller';
import { RegisterInstitutionHandler } from './register-institution/register-institution.handler';
import { RenameInstitutionController } from './rename-institution/rename-institution.controller';
import { RenameInstitutionHandler } from './rename-institution/rename-institution.handler';
import { ReopenInstitutionController } from './reopen-institution/reopen-institution.controller';
import { ReopenInstitutionHandler } from './reopen-institution/reopen-institution.handler';

/** Institutions (and, next, networks and their composition over time). */
@Module({
  imports: [CqrsModule],
  controllers: [
    RegisterInstitutionController,
    InstitutionListController,
    InstitutionHistoryController,
    RenameInstitutionController,
    CorrectInstitutionDetailsController,
    CloseInstitutionController,
    ReopenInstitutionController,
  ],
  providers: [
    ExternalCodeRegistry,
    RegisterInstitutionHandler,
    RenameInstitutionHandler,
    CorrectInstitutionDetailsHandler,
    CloseInstitutionHandler,
    ReopenInstitutionHandler,
    ListInstitutionsHandler,
    GetInstitutionHandler,
    GetInstitutionHistoryHandler,
  ],
})
export class NetworksModule {}
