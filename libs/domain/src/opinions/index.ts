export * from './map';
export * from './packed';
