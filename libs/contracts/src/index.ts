export * from './enums';
export * from './errors';
export * from './common';
export * from './rest/auth';
export * from './rest/sessions';
export * from './rest/routes';
export * from './events';
export * from './surveys/questions';
