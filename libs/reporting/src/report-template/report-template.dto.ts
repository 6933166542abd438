import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { InvalidInput } from '@app/kernel';
import { REPORT_KINDS, ReportKind } from '../report/report.events';
import type { ReportTemplateAnswer, ReportTemplateList, ReportTemplateVersionAnswer } from './report-templates.service';
import { MAX_TEMPLATE_FILE_NAME } from './report-template.decider';

export { DOCX_CONTENT_TYPE } from '@app/platform/http';

/** A kind of report in the path; anything else is a field error. */
@Injectable()
export class ReportKindPipe implements PipeTransform<string, ReportKind> {
  transform(value: string): ReportKind {
    if (!(REPORT_KINDS as readonly string[]).includes(value)) throw new InvalidInput('the kind of report in the path is invalid', [{ field: 'kind', messages: [`kind must be one of ${REPORT_KINDS.join(', ')}`] }]);
    return value as ReportKind;
  }
}

/** A version number in the path: 1, 2… written in digits. */
@Injectable()
export class TemplateVersionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,8}$/.test(value)) throw new InvalidInput('the version in the path is invalid', [{ field: 'version', messages: ['version must be a whole number from 1'] }]);
    return Number(value);
  }
}

export class UploadReportTemplateQueryDto {
  @ApiPropertyOptional({ description: `The file's name, as the department knows it (at most ${MAX_TEMPLATE_FILE_NAME} characters); the kind's name when left out`, example: 'Аналіз роботи округу.docx' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEMPLATE_FILE_NAME)
  fileName?: string;
}

class ActorDto {
  @ApiProperty() id: string;
  @ApiProperty() role: string;
}

export class ReportTemplateVersionDto implements ReportTemplateVersionAnswer {
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ description: 'SHA-256 of the DOCX, hex; the download’s ETag' }) hash: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ example: 'Аналіз роботи округу.docx' }) fileName: string;
  @ApiProperty({ type: [String], description: 'Its tags, each once, as written without braces', example: ['title', '#eventsHeld', 'text', '@chartImage.fulfilment'] }) placeholders: string[];
  @ApiProperty() uploadedAt: string;
  @ApiProperty({ type: ActorDto }) uploadedBy: ActorDto;
  @ApiProperty({ description: 'Whether reports requested now are rendered with it' }) inForce: boolean;
  @ApiProperty({ example: '/report-templates/annual-analysis/versions/1/content' }) contentUrl: string;
}

export class ReportTemplateDto implements ReportTemplateAnswer {
  @ApiProperty({ enum: REPORT_KINDS }) report: ReportKind;
  @ApiProperty({ description: 'True: reports of this kind are rendered with the built-in uk/ru/en template' }) builtIn: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'The version in force; null: the built-in template' }) current: number | null;
  @ApiProperty({ type: [ReportTemplateVersionDto], description: 'Every version uploaded, oldest first' }) versions: ReportTemplateVersionDto[];
  @ApiProperty({ type: String, nullable: true, description: 'When the last version in force was withdrawn (the built-in template applies since)' }) withdrawnAt: string | null;
}

class ReportTemplateSummaryDto {
  @ApiProperty({ enum: REPORT_KINDS }) report: ReportKind;
  @ApiProperty() builtIn: boolean;
  @ApiProperty({ type: ReportTemplateVersionDto, nullable: true, description: 'The version in force; null: the built-in template' }) current: ReportTemplateVersionDto | null;
  @ApiProperty({ description: 'Versions uploaded so far' }) versions: number;
}

export class ReportTemplateListDto implements ReportTemplateList {
  @ApiProperty({ type: [ReportTemplateSummaryDto], description: 'Every kind of report' }) items: ReportTemplateSummaryDto[];
}

export class UploadReportTemplateResultDto {
  @ApiProperty({ enum: REPORT_KINDS, description: 'The kind of report' }) id: ReportKind;
  @ApiProperty({ description: 'Revision of the kind’s templates after the upload' }) revision: number;
  @ApiProperty({ description: 'Global position of the change; pass it as consistentWith to read your write' }) position: number;
  @ApiProperty({ description: 'The version in force: the new one (201), or the same file’s (200)' }) version: number;
}

export class TemplateFaultDto {
  @ApiProperty({ type: String, nullable: true, example: '{plan.gaol}', description: 'The tag as written; null when the fault is not one tag’s' }) tag: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'word/document.xml', description: 'The part of the DOCX it is in' }) part: string | null;
  @ApiProperty({ example: 'unknown field `plan.gaol`; did you mean `plan.goal`?' }) message: string;
}
