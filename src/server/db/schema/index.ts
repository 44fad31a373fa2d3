export * from './directory';
export * from './platform';
export * from './protection';
export * from './registry';
export * from './supplies';
export * from './health';
