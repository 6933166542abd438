import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { AUDIENCE_CATEGORIES, AudienceCategory, EVENT_KINDS, EventKind } from '@app/events';
import { REPORTING_PERIOD_KINDS } from '@app/kernel';
import { IsCalendarDate, IsText } from '@app/platform/http';
import { ITEM_RESOLUTIONS, ItemResolutionKind, TASK_RESULTS, TaskResult } from '../plan/plan.events';
import type {
  AgreementInput,
  ApprovalInput,
  AssessmentGiven,
  ClosingInput,
  ItemResolutionInput,
  NewPlanItemInput,
  PersonInput,
  PlanContentInput,
  PlanItemFieldsInput,
  PlanWhenInput,
  ProjectInput,
  SectionInput,
  TaskInput,
  TaskResultInput,
} from './plan-input';

/**
 * A reporting period as the API takes it (docs/planning.md, "The period"). Checked as a whole
 * by the kernel's `reportingPeriodProblems` (field by field: `period.kind`,
 * `period.academicYear`, `period.year`), so the class only describes it.
 */
export class ReportingPeriodDto {
  @ApiProperty({ enum: REPORTING_PERIOD_KINDS, example: 'academic-year' }) kind: 'academic-year' | 'calendar-year';
  @ApiPropertyOptional({ description: 'For kind academic-year', example: '2020/2021' }) academicYear?: string;
  @ApiPropertyOptional({ description: 'For kind calendar-year', example: 2021 }) year?: number;
}

/*
 * The parts of a plan's input that several writes share. Each field's form is checked here;
 * what fields say together (a when's precision and its fields, a date within the period, the
 * ids a list gives twice) the decider checks, field by field.
 */

/** Ids of records of the department. */
const IdList = (max: number): PropertyDecorator => (target, key) => {
  IsUUID(undefined, { each: true })(target, key);
  ArrayMaxSize(max)(target, key);
  IsArray()(target, key);
};
/** A list of nested records, each checked. */
const ListOf = (type: () => Function, max: number): PropertyDecorator => (target, key) => {
  IsArray()(target, key);
  ArrayMaxSize(max)(target, key);
  ValidateNested({ each: true })(target, key);
  Type(type)(target, key);
};
/** One nested record, checked. */
const One = (type: () => Function): PropertyDecorator => (target, key) => {
  IsObject()(target, key);
  ValidateNested()(target, key);
  Type(type)(target, key);
};
const OptionalText = (max: number): PropertyDecorator => (target, key) => {
  IsOptional()(target, key);
  IsString()(target, key);
  MaxLength(max)(target, key);
};

export class PlanWhenDto implements PlanWhenInput {
  @ApiProperty({ enum: ['date', 'month', 'academic-year', 'year'], example: 'academic-year', description: '`date` (from, to), `month` (month), `academic-year` / `year`: "during the year", the plan’s period' })
  @IsIn(['date', 'month', 'academic-year', 'year', 'not-known'])
  precision: string;
  @ApiPropertyOptional({ example: '2021-03-15' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2021-03-17' }) @IsOptional() @IsCalendarDate() to?: string | null;
  @ApiPropertyOptional({ example: '2021-03' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be written YYYY-MM' }) month?: string;
  @ApiPropertyOptional({ example: '2020/2021' }) @IsOptional() @Matches(/^\d{4}\/\d{4}$/, { message: 'academicYear must be written 2020/2021' }) academicYear?: string;
  @ApiPropertyOptional({ example: 2021 }) @IsOptional() @IsInt() @Min(1900) @Max(2999) year?: number;
}

export class TaskDto implements TaskInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'A task the plan has, to keep it; left out for a new one' }) @IsOptional() @IsUUID() taskId?: string;
  @ApiProperty({ example: 'Организация сетевого взаимодействия образовательных организаций округа' }) @IsText(2000) text: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @OptionalText(2000) expectedResult?: string | null;
}

export class ProjectDto implements ProjectInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'A project the plan has, to keep it; left out for a new one' }) @IsOptional() @IsUUID() projectId?: string;
  @ApiProperty({ example: 'Преемственность дошкольного и начального общего образования' }) @IsText(1000) name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @OptionalText(2000) goal?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Registered institutions taking part besides the members' }) @IsOptional() @IdList(100) partnerInstitutionIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Items of this plan' }) @IsOptional() @IdList(200) planItemIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Events the events module recorded' }) @IsOptional() @IdList(200) eventIds?: string[];
}

export class AgreementDto implements AgreementInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'An agreement the plan has, to keep it; left out for a new one' }) @IsOptional() @IsUUID() agreementId?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '12' }) @OptionalText(100) number?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2022-09-01' }) @IsOptional() @IsCalendarDate() signedOn?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Registered institutions' }) @IsOptional() @IdList(100) partyInstitutionIds?: string[];
  @ApiProperty({ example: 'О сетевом взаимодействии' }) @IsText(2000) subject: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2023-08-31' }) @IsOptional() @IsCalendarDate() validUntil?: string | null;
}

/** Any of the plan's text fields; a list given replaces the plan's. */
export class PlanContentDto implements PlanContentInput {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Качество образования и воспитания в условиях очного, дистанционного и электронного обучения' }) @OptionalText(2000) theme?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @OptionalText(5000) goal?: string | null;
  @ApiPropertyOptional({ type: [TaskDto], description: 'In order' }) @IsOptional() @ListOf(() => TaskDto, 100) tasks?: TaskDto[];
  @ApiPropertyOptional({ type: [String], example: ['проведение совместных мероприятий'] })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(1000, { each: true }) activityKinds?: string[];
  @ApiPropertyOptional({ type: [ProjectDto] }) @IsOptional() @ListOf(() => ProjectDto, 100) projects?: ProjectDto[];
  @ApiPropertyOptional({ type: [AgreementDto] }) @IsOptional() @ListOf(() => AgreementDto, 100) agreements?: AgreementDto[];
}

/** A person: someone new by name (to the personal-data vault), or someone recorded by id. */
export class PersonDto implements PersonInput {
  @ApiPropertyOptional({ description: 'A new person’s name (personal data, kept in the vault); or give personId', maxLength: 300 })
  @ValidateIf((p: PersonDto) => p.personId === undefined || p.fullName !== undefined) @IsText(300) fullName?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A person recorded before, by id; or give fullName' })
  @ValidateIf((p: PersonDto) => p.personId !== undefined) @IsUUID() personId?: string;
}

/** The fields of a planned event: in a change, those given replace the item's. */
export class PlanItemFieldsDto implements PlanItemFieldsInput {
  @ApiPropertyOptional({ enum: EVENT_KINDS, example: 'seminar' }) @IsOptional() @IsIn(EVENT_KINDS) kind?: EventKind;
  @ApiPropertyOptional({ example: 'Гражданско-патриотическое воспитание на основе краеведческого материала' }) @IsOptional() @IsText(1000) topic?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @OptionalText(5000) description?: string | null;
  @ApiPropertyOptional({ type: PlanWhenDto, description: 'A date, a month, or "during the year"; within the plan’s period' }) @IsOptional() @One(() => PlanWhenDto) when?: PlanWhenDto;
  @ApiPropertyOptional({ type: [String], description: 'Registered institutions, members or not (an outside host is recorded as such)' }) @IsOptional() @IdList(50) hostIds?: string[];
  @ApiPropertyOptional({ type: PersonDto, nullable: true, description: 'The person responsible; the name goes to the personal-data vault' })
  @IsOptional() @One(() => PersonDto) responsible?: PersonDto | null;
  @ApiPropertyOptional({ enum: AUDIENCE_CATEGORIES, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsIn(AUDIENCE_CATEGORIES, { each: true }) audience?: AudienceCategory[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The series it is one of: of its kind, of the plan’s network' }) @IsOptional() @IsUUID() seriesId?: string | null;
}

/** A new planned event: kind, topic and when required. */
export class NewPlanItemDto extends OmitType(PlanItemFieldsDto, ['kind', 'topic', 'when'] as const) implements NewPlanItemInput {
  @ApiProperty({ enum: EVENT_KINDS, example: 'seminar' }) @IsIn(EVENT_KINDS) kind: EventKind;
  @ApiProperty({ example: 'Гражданско-патриотическое воспитание на основе краеведческого материала' }) @IsText(1000) topic: string;
  @ApiProperty({ type: PlanWhenDto, description: 'A date, a month, or "during the year"; within the plan’s period' }) @One(() => PlanWhenDto) when: PlanWhenDto;
}

export class ApprovedByDto {
  @ApiPropertyOptional({ type: PersonDto, nullable: true, description: 'A person (the name goes to the vault)' }) @IsOptional() @One(() => PersonDto) person?: PersonDto | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'совет руководителей' }) @OptionalText(500) body?: string | null;
}

export class ApprovalDto implements ApprovalInput {
  @ApiProperty({ example: '2020-08-28' }) @IsCalendarDate() approvedOn: string;
  @ApiProperty({ type: ApprovedByDto, description: 'A person, a body, or both' }) @One(() => ApprovedByDto) approvedBy: ApprovedByDto;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'протокол № 1' }) @OptionalText(200) decisionNumber?: string | null;
}

export class AssessmentDto implements AssessmentGiven {
  @ApiProperty({ example: 'satisfactory', description: 'A grade of the department’s scale' }) @IsString() @MaxLength(100) grade: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'потребує удосконалення' }) @OptionalText(2000) comment?: string | null;
}

export class TaskResultDto implements TaskResultInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() taskId: string;
  @ApiProperty({ enum: TASK_RESULTS }) @IsIn(TASK_RESULTS) result: TaskResult;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Required unless done' }) @OptionalText(2000) reason?: string | null;
}

export class ItemResolutionDto implements ItemResolutionInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() planItemId: string;
  @ApiProperty({ enum: ITEM_RESOLUTIONS }) @IsIn(ITEM_RESOLUTIONS) resolution: ItemResolutionKind;
  @ApiPropertyOptional({ type: [String], description: 'held: the events that realised it' }) @IsOptional() @IdList(50) eventIds?: string[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'cancelled: required; carried-over: optional' }) @OptionalText(2000) reason?: string | null;
}

export class SectionDto implements SectionInput {
  @ApiProperty({ example: 'Співпраця із закладами, які не є членами округу' }) @IsText(500) title: string;
  @ApiProperty() @IsText(20000) text: string;
}

export class NextYearDto {
  @ApiPropertyOptional({ type: String, nullable: true }) @OptionalText(5000) goal?: string | null;
  @ApiPropertyOptional({ type: [TaskDto] }) @IsOptional() @ListOf(() => TaskDto, 100) tasks?: TaskDto[];
}

/** The closing's fields: in a correction, those given replace the closing's. */
export class ClosingDto implements ClosingInput {
  @ApiPropertyOptional({ type: AssessmentDto, description: 'Required to close' }) @IsOptional() @One(() => AssessmentDto) assessment?: AssessmentDto;
  @ApiPropertyOptional({ type: String, nullable: true }) @OptionalText(20000) conclusions?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(2000, { each: true }) problems?: string[];
  @ApiPropertyOptional({ type: [TaskResultDto] }) @IsOptional() @ListOf(() => TaskResultDto, 100) taskResults?: TaskResultDto[];
  @ApiPropertyOptional({ type: [SectionDto] }) @IsOptional() @ListOf(() => SectionDto, 50) sections?: SectionDto[];
  @ApiPropertyOptional({ type: NextYearDto }) @IsOptional() @One(() => NextYearDto) nextYear?: NextYearDto;
  @ApiPropertyOptional({ type: [ItemResolutionDto], description: 'One per planned event, all of them to close' }) @IsOptional() @ListOf(() => ItemResolutionDto, 500) itemResolutions?: ItemResolutionDto[];
}
