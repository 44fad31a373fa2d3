export * from './directory';
export * from './platform';
export * from './registry';
