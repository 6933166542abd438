import { ApiProperty } from '@nestjs/swagger';
import { EventDto, EventPageDto } from '../event-calendar/event.response';
import { OmitType } from '@nestjs/swagger';

export class InstitutionInvolvementDto {
  @ApiProperty({ description: 'It is one of the hosts' }) hosted: boolean;
  @ApiProperty({ description: 'It hosted without being a member of the event’s networks on its date' }) outsideHost: boolean;
  @ApiProperty({ description: 'It is among the institutions that took part (once held)' }) tookPart: boolean;
  @ApiProperty({ description: 'It took part without being a member of the event’s networks on its date' }) outsideParticipant: boolean;
}

export class InstitutionEventDto extends EventDto {
  @ApiProperty({ type: InstitutionInvolvementDto }) involvement: InstitutionInvolvementDto;
}

export class InstitutionEventsPageDto extends OmitType(EventPageDto, ['items'] as const) {
  @ApiProperty() institutionId: string;
  @ApiProperty({ type: [InstitutionEventDto], description: 'In date order' }) items: InstitutionEventDto[];
}
