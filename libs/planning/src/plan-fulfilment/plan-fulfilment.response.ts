import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_KINDS, EVENT_STATUSES } from '@app/events';
import { ReportingPeriodDto } from '../plan-view/plan.response';
import { ITEM_FULFILMENT_STATUSES } from './plan-fulfilment';

export class RealisingEventDto {
  @ApiProperty() eventId: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind: string;
  @ApiProperty() topic: string;
  @ApiProperty({ enum: EVENT_STATUSES }) status: string;
  @ApiProperty({ description: 'When (held: when it took place)' }) when: object;
  @ApiProperty({ type: [String] }) hostIds: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ description: 'When its state shown was recorded' }) recordedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When it took effect (the day held)' }) effectiveAt: string | null;
}

export class ItemFulfilmentDto {
  @ApiProperty() planItemId: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind: string;
  @ApiProperty() topic: string;
  @ApiProperty() plannedWhen: object;
  @ApiProperty({ enum: ITEM_FULFILMENT_STATUSES }) status: string;
  @ApiProperty({ type: [RealisingEventDto] }) held: RealisingEventDto[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'A cancellation’s or postponement’s reason' }) reason: string | null;
  @ApiProperty({ type: [RealisingEventDto], description: 'Every event that realises it' }) events: RealisingEventDto[];
  @ApiPropertyOptional({ nullable: true, enum: ['held', 'cancelled', 'carried-over'] }) resolution: string | null;
}

export class FulfilmentTotalsDto {
  @ApiProperty() items: number;
  @ApiProperty() held: number;
  @ApiProperty() cancelled: number;
  @ApiProperty() postponed: number;
  @ApiProperty() carriedOver: number;
  @ApiProperty() scheduled: number;
  @ApiProperty() awaiting: number;
  @ApiProperty() notHeld: number;
  @ApiProperty({ description: 'held / items, three decimals', example: 0.75 }) shareHeld: number;
}

export class PlanFulfilmentDto {
  @ApiProperty() planId: string;
  @ApiProperty() networkId: string;
  @ApiProperty({ type: ReportingPeriodDto }) period: ReportingPeriodDto;
  @ApiPropertyOptional({ nullable: true, type: String }) asOf: string | null;
  @ApiProperty({ type: [ItemFulfilmentDto] }) items: ItemFulfilmentDto[];
  @ApiProperty({ type: FulfilmentTotalsDto }) totals: FulfilmentTotalsDto;
  @ApiProperty({ type: [RealisingEventDto], description: 'Events of the network held in the period that realise no item of the plan' }) unforeseen: RealisingEventDto[];
}
