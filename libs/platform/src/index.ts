export * from './config/app-config';
export * from './json-logger';
export * from './problem-details.filter';
export * from './validation';
export * from './platform.tokens';
export * from './platform.module';
export * from './projections.service';
export * from './open-stores';
