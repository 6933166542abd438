export * from './request-context';
export * from './api-problems';
export * from './dto-support';
export * from './id-param.pipe';
export * from './input-limits';
export * from './body-parsers';
export * from './router-problems';
export * from './openapi-validation-rules';
