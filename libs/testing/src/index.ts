export * from './test-servers.config';
export * from './describe-with-server';
