import type { PageRequest } from '@app/contracts';

/** find() options of a paged request (newest first unless the endpoint or the caller sorts otherwise). */
export function pageOptions(page: PageRequest, defaultSort: Record<string, 1 | -1> = { ts: -1 }) {
  return {
    sort: page.sort ?? defaultSort,
    skip: page.offset,
    limit: page.count,
    ...(page.fields && Object.keys(page.fields).length ? { projection: page.fields } : {}),
  };
}
