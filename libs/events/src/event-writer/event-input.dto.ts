import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsText, IsWebsite } from '@app/platform/http';
import { EVENT_FORMATS, EVENT_ROLES, EventFormatMode, EventRole } from '../event/event-vocabulary';
import { WHEN_PRECISIONS, WhenPrecision } from '../event/when';

/*
 * The parts of an event's input that several writes share. Each field's form is checked here;
 * what fields say together (a when's range, a format's link) the deciders check, field by field.
 */

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class WhenDto {
  @ApiProperty({
    enum: WHEN_PRECISIONS,
    example: 'not-known',
    description: 'How precisely it is known: `date` (from, to, startTime, endTime), `month` (month), `year` (year), `academic-year` (academicYear), `not-known` (nothing else)',
  })
  @IsIn(WHEN_PRECISIONS)
  precision: WhenPrecision;
  @ApiPropertyOptional({ example: '2021-03-15', description: 'date: the (first) day' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2021-03-17', description: 'date: the last day of a range; null or absent for one day' })
  @IsOptional() @IsCalendarDate() to?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '10:00', description: 'date: HH:MM on the first day' }) @IsOptional() @Matches(TIME, { message: 'startTime must be a time of day, HH:MM' }) startTime?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '12:00', description: 'date: HH:MM on the last day' }) @IsOptional() @Matches(TIME, { message: 'endTime must be a time of day, HH:MM' }) endTime?: string | null;
  @ApiPropertyOptional({ example: '2021-03', description: 'month: YYYY-MM' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be written YYYY-MM' }) month?: string;
  @ApiPropertyOptional({ example: 2021, description: 'year: a calendar year' }) @IsOptional() @IsInt() @Min(1900) @Max(2999) year?: number;
  @ApiPropertyOptional({ example: '2020/2021', description: 'academic-year: two consecutive years' }) @IsOptional() @Matches(/^\d{4}\/\d{4}$/, { message: 'academicYear must be written 2020/2021' }) academicYear?: string;
}

export class FormatDto {
  @ApiProperty({ enum: EVENT_FORMATS, example: 'in-person' }) @IsIn(EVENT_FORMATS) mode: EventFormatMode;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'ZOOM', description: 'online or hybrid: the platform' }) @IsOptional() @IsString() @MaxLength(200) platform?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'online or hybrid: an http(s) link' }) @IsOptional() @IsWebsite() @MaxLength(1000) link?: string | null;
}

/** A person planned with the event: a name, which goes to the personal-data vault. */
export class NewPersonDto {
  @ApiProperty({ description: 'The person’s name: personal data, kept outside the event log so that it can be erased', example: 'Петренко Олена Іванівна' })
  @IsText(300) fullName: string;
  @ApiProperty({ enum: EVENT_ROLES, example: 'responsible' }) @IsIn(EVENT_ROLES) role: EventRole;
}

/** Valid only when the other field is left out. */
const Alone = (other: string, message: string): PropertyDecorator =>
  ValidateBy({ name: 'alone', validator: { validate: (_value, args) => (args?.object as Record<string, unknown>)[other] === undefined, defaultMessage: () => message } });

/** A person of a correction: someone new by name, or one of the event's people by id (to keep them, or give them another role). */
export class PersonDto {
  @ApiPropertyOptional({ description: 'A new person’s name (personal data, kept in the vault); or give personId', maxLength: 300 })
  @ValidateIf((person: PersonDto) => person.personId === undefined || person.fullName !== undefined)
  @IsText(300) @Alone('personId', 'give either fullName or personId, not both') fullName?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'One of the event’s people, by the id the event gives; or give fullName' })
  @ValidateIf((person: PersonDto) => person.personId !== undefined) @IsUUID() personId?: string;
  @ApiProperty({ enum: EVENT_ROLES, example: 'speaker' }) @IsIn(EVENT_ROLES) role: EventRole;
}

export class LinkDto {
  @ApiProperty({ example: 'https://school7.example.org/news/seminar' }) @IsWebsite() @MaxLength(1000) url: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Размещено на сайте базовой школы' }) @IsOptional() @IsString() @MaxLength(500) title?: string | null;
}

const COUNT = { type: 'integer', minimum: 0, required: false } as const;

/** Participants counted per category; a category not counted is left out (unknown is not zero). */
export class CountsDto {
  @ApiPropertyOptional(COUNT) @IsOptional() @IsInt() @Min(0) pupils?: number;
  @ApiPropertyOptional(COUNT) @IsOptional() @IsInt() @Min(0) preschoolers?: number;
  @ApiPropertyOptional(COUNT) @IsOptional() @IsInt() @Min(0) teachers?: number;
  @ApiPropertyOptional(COUNT) @IsOptional() @IsInt() @Min(0) heads?: number;
  @ApiPropertyOptional(COUNT) @IsOptional() @IsInt() @Min(0) 'deputy-heads'?: number;
  @ApiPropertyOptional(COUNT) @IsOptional() @IsInt() @Min(0) parents?: number;
  @ApiPropertyOptional(COUNT) @IsOptional() @IsInt() @Min(0) students?: number;
  @ApiPropertyOptional(COUNT) @IsOptional() @IsInt() @Min(0) others?: number;
}

export class ParticipationDto {
  @ApiProperty({ type: CountsDto, description: 'Whole numbers ≥ 0 per category; {} when nobody was counted' })
  @IsObject() @ValidateNested() @Type(() => CountsDto) counts: CountsDto;
  @ApiProperty({ type: [String], description: 'The institutions that took part (registered in the department; members or not)' })
  @IsArray() @ArrayMaxSize(500) @IsUUID(undefined, { each: true }) institutionIds: string[];
}

/** Ids of records (networks, institutions, plan items): a list of UUIDs. */
export const IdList = (max: number): PropertyDecorator => (target, key) => {
  IsUUID(undefined, { each: true })(target, key);
  ArrayMaxSize(max)(target, key);
  IsArray()(target, key);
};
