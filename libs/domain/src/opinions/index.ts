export * from './map';
export * from './packed';
export * from './agreements';
