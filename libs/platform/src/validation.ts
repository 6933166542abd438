import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, InvalidInput } from '@app/kernel';

const flatten = (errors: ValidationError[], prefix = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });

/**
 * Validates every body and query against its DTO: unknown fields are refused, types are
 * checked, and the answer lists the problems field by field.
 */
export const validationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new InvalidInput('the request has invalid fields', flatten(errors)),
  });
