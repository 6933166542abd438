export * from './ids';
export * from './clock';
export * from './academic-year';
export * from './errors';
export * from './decider';
export * from './envelope';
export * from './command-context';
export * from './abort-race';
