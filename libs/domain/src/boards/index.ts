export * from './state';
export * from './supports';
export * from './similarity';
