export * from './directory';
export * from './platform';
