import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { REPORT_LANGUAGES, ReportLanguage } from '../report/report.events';
import type { ReportLanguageInput } from './report-language.commands';

export class ReportLanguageDto implements ReportLanguageInput {
  @ApiProperty({ enum: REPORT_LANGUAGES, example: 'uk', description: 'The language the department’s reports are written in when a request names none' })
  @IsIn(REPORT_LANGUAGES)
  language: ReportLanguage;
}

export class ReportLanguageAnswerDto {
  @ApiProperty() department: string;
  @ApiProperty({ enum: REPORT_LANGUAGES, nullable: true, type: String, description: 'null while the department has set none: every request then names its language' }) language: ReportLanguage | null;
  @ApiProperty({ description: 'Whether the department has set its language' }) isSet: boolean;
}
