export * from './text';
export * from './amendments';
export * from './compare';
