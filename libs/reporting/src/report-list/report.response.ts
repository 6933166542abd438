import { ApiProperty } from '@nestjs/swagger';
import { REPORT_STATUSES, ReportStatus } from '../report/report.decider';
import { REPORT_FORMATS, REPORT_KINDS, ReportFormat, ReportKind } from '../report/report.events';
import { PARAMETERS_SCHEMA } from '../request-report/request-report.dto';
import type { ReportAnswer, ReportArtifactAnswer, ReportPage } from './report-queries';

export class ReportArtifactDto implements ReportArtifactAnswer {
  @ApiProperty({ description: 'SHA-256 of the document, hex; the download’s ETag' }) hash: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ example: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }) contentType: string;
  @ApiProperty({ example: 'Аналіз роботи освітнього округу за 2019-2020 навчальний рік.docx' }) fileName: string;
}

class ActorDto {
  @ApiProperty() id: string;
  @ApiProperty() role: string;
}

export class ReportDto implements ReportAnswer {
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty({ enum: REPORT_KINDS, description: 'The kind of report; its parameters are that kind’s' }) report: ReportKind;
  @ApiProperty({ enum: REPORT_FORMATS }) format: ReportFormat;
  @ApiProperty({ ...PARAMETERS_SCHEMA, description: 'What was asked, by kind (as the request took them, the defaults filled in)' }) parameters: ReportAnswer['parameters'];
  @ApiProperty({ description: 'The log position it is built at: the head when requested, or the position asOf named' }) position: number;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ description: 'How far the attempt under way has come, 0 to 1; 1 once generated', example: 0.4 }) progress: number;
  @ApiProperty({ type: String, nullable: true, description: 'The step it is at, as the generator says' }) stage: string | null;
  @ApiProperty({ description: 'Attempts its job has started' }) attempts: number;
  @ApiProperty({ type: ReportArtifactDto, nullable: true }) artifact: ReportArtifactDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'The department template’s version it used; null for the built-in layout' }) templateVersion: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed' }) failure: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The batch it is part of (GET /report-batches/{id}); null when asked for on its own' }) batchId: string | null;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ type: ActorDto }) requestedBy: ActorDto;
  @ApiProperty({ type: String, nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) generatedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) failedAt: string | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: String, nullable: true, example: '/reports/0190a1b2-…/content', description: 'Where to download it, once generated' }) contentUrl: string | null;
}

export class ReportPageDto implements ReportPage {
  @ApiProperty({ type: [ReportDto] }) items: ReportDto[];
  @ApiProperty() total: number;
  @ApiProperty() totalExact: boolean;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
}
