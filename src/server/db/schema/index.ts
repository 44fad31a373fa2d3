export * from './directory';
export * from './health';
export * from './platform';
export * from './protection';
export * from './registry';
export * from './returns';
export * from './supplies';
