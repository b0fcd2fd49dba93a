export * from './permissions/commands';
export * from './permissions/routes';
export * from './state/machine';
export * from './state/session';
export * from './tally';
export * from './permissions/groups';
