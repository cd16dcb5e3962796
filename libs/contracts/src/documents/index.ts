export * from './user';
export * from './room';
export * from './subscription';
export * from './message';
export * from './authorization';
export * from './setting';
export * from './export-operation';
export * from './invite';
