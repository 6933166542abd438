export * from './test-servers.config';
export * from './describe-with-server';
export * from './redis-server';
export * from './ferretdb-server';
