export * from './paging';
export * from './regex-bound';
