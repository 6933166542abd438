import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'kind' }) field: string;
  @ApiProperty({ type: [String], example: ['kind must be one of the following values: general-school, …'] }) messages: string[];
}

/** RFC 7807 problem details, as every error response of the API is written. */
export class ProblemDto {
  @ApiProperty({ example: 'urn:okrug:problem:invalid-input' }) type: string;
  @ApiProperty({ example: 'The request is invalid' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'the request has invalid fields' }) detail: string;
  @ApiPropertyOptional({ example: '/institutions' }) instance?: string;
  @ApiPropertyOptional() correlationId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Present on 400: every invalid field with its messages' }) errors?: FieldErrorDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: unknown fields, wrong types or missing values, listed field by field. Nothing was changed.',
  401: 'No API key, or an unknown or revoked one.',
  403: 'The key’s role may not do this.',
  404: 'No such resource in your department.',
  409: 'A concurrent change got in first; read again and retry.',
  412: 'If-Match names a revision that is no longer current.',
  422: 'A domain rule refuses the change; `type` names the rule.',
  503: 'The read model has not yet reached `consistentWith`; retry shortly.',
};

/** Documents the problem responses an endpoint may give. */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ApiExtraModels(ProblemDto, FieldErrorDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
