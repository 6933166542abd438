export * from './request-context';
export * from './api-problems';
export * from './dto-support';
export * from './id-param.pipe';
export * from './request-drain';
