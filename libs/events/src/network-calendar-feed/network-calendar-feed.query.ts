import { Query } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ConsistencyQueryDto } from '@app/platform/http';
import { eventCalendarProjection } from '../event-calendar/event-calendar.projection';

export const FEED_LANGUAGES = ['uk', 'ru', 'en'] as const;

export class NetworkCalendarFeedQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({ enum: FEED_LANGUAGES, default: 'uk', description: 'The language of the kinds and of the calendar’s own words' })
  @IsOptional()
  @IsIn(FEED_LANGUAGES)
  lang?: (typeof FEED_LANGUAGES)[number];
}

/** A network's events (own or audience) as an iCalendar feed, its text; the network and the hosts' names come from the networks module's queries. */
export class GetNetworkCalendarFeedQuery extends Query<string> {
  static readonly reads = [eventCalendarProjection];
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly filter: NetworkCalendarFeedQueryDto,
  ) {
    super();
  }
}
