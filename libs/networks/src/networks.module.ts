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

import { RegisterNetworkController } from './register-network/register-network.controller';
import { RegisterNetworkHandler } from './register-network/register-network.handler';
import { RenameNetworkController } from './rename-network/rename-network.controller';
import { RenameNetworkHandler } from './rename-network/rename-network.handler';
import { CorrectNetworkDetailsController } from './correct-network-details/correct-network-details.controller';
import { CorrectNetworkDetailsHandler } from './correct-network-details/correct-network-details.handler';
import { SetNetworkReportingPeriodController } from './set-network-reporting-period/set-network-reporting-period.controller';
import { SetNetworkReportingPeriodHandler } from './set-network-reporting-period/set-network-reporting-period.handler';
import { AppointHeadController } from './appoint-head/appoint-head.controller';
import { AppointHeadHandler } from './appoint-head/appoint-head.handler';
import { SetAnchorController } from './set-anchor/set-anchor.controller';
import { SetAnchorHandler } from './set-anchor/set-anchor.handler';
import { AdmitMemberController } from './admit-member/admit-member.controller';
import { AdmitMemberHandler } from './admit-member/admit-member.handler';
import { RecordMemberLeavingController } from './record-member-leaving/record-member-leaving.controller';
import { RecordMemberLeavingHandler } from './record-member-leaving/record-member-leaving.handler';
import { ChangeMemberRoleController } from './change-member-role/change-member-role.controller';
import { ChangeMemberRoleHandler } from './change-member-role/change-member-role.handler';
import { TransferMemberController } from './transfer-member/transfer-member.controller';
import { TransferMemberHandler } from './transfer-member/transfer-member.handler';
import { MergeNetworksController } from './merge-networks/merge-networks.controller';
import { MergeNetworksHandler } from './merge-networks/merge-networks.handler';
import { SplitNetworkController } from './split-network/split-network.controller';
import { SplitNetworkHandler } from './split-network/split-network.handler';
import { DissolveNetworkController } from './dissolve-network/dissolve-network.controller';
import { DissolveNetworkHandler } from './dissolve-network/dissolve-network.handler';
import { DepartmentCalendarController } from './department-calendar/department-calendar.controller';
import { DepartmentCalendar } from './department-calendar/department-calendar.service';
import { GetAcademicYearStartHandler } from './department-calendar/get-academic-year-start.handler';
import { SetAcademicYearStartHandler } from './department-calendar/set-academic-year-start.handler';
import { ErasePersonController } from './erase-person/erase-person.controller';
import { ErasePersonHandler } from './erase-person/erase-person.handler';
import { NetworkMapWriter } from './network-map/network-map.writer';
import { PersonNames } from './network-list/network-person-names';
import { NetworkQueriesController } from './network-list/network-queries.controller';
import { GetNetworkHandler, ListNetworksHandler } from './network-list/network-list.handlers';
import { GetCompositionController } from './network-composition/get-composition.controller';
import { GetCompositionHandler } from './network-composition/get-composition.handler';
import { GetInstitutionMembershipsController } from './network-memberships/get-institution-memberships.controller';
import { GetInstitutionMembershipsHandler } from './network-memberships/get-institution-memberships.handler';
import { GetChangesController } from './network-changes/get-changes.controller';
import { GetChangesHandler } from './network-changes/get-changes.handler';
import { GetTimelineController } from './network-timeline/get-timeline.controller';
import { GetTimelineHandler } from './network-timeline/get-timeline.handler';
import { ImportController } from './import/import.controller';
import { ImportService } from './import/import.service';

/** Institutions and networks: their composition over time, anchors, heads and restructurings. */
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
    NetworkQueriesController,
    GetCompositionController,
    GetChangesController,
    GetTimelineController,
    GetInstitutionMembershipsController,
    DepartmentCalendarController,
    ErasePersonController,
    RegisterNetworkController,
    RenameNetworkController,
    CorrectNetworkDetailsController,
    SetNetworkReportingPeriodController,
    AppointHeadController,
    SetAnchorController,
    AdmitMemberController,
    RecordMemberLeavingController,
    ChangeMemberRoleController,
    TransferMemberController,
    MergeNetworksController,
    SplitNetworkController,
    DissolveNetworkController,
    ImportController,
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
    NetworkMapWriter,
    DepartmentCalendar,
    SetAcademicYearStartHandler,
    GetAcademicYearStartHandler,
    ErasePersonHandler,
    PersonNames,
    ListNetworksHandler,
    GetNetworkHandler,
    GetCompositionHandler,
    GetInstitutionMembershipsHandler,
    GetChangesHandler,
    GetTimelineHandler,
    RegisterNetworkHandler,
    RenameNetworkHandler,
    CorrectNetworkDetailsHandler,
    SetNetworkReportingPeriodHandler,
    AppointHeadHandler,
    SetAnchorHandler,
    AdmitMemberHandler,
    RecordMemberLeavingHandler,
    ChangeMemberRoleHandler,
    TransferMemberHandler,
    MergeNetworksHandler,
    SplitNetworkHandler,
    DissolveNetworkHandler,
    ImportService,
  ],
})
export class NetworksModule {}
