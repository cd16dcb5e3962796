/**
 * Changes settings through the settings API (`POST /api/v1/settings/:_id`, as admin with the second factor),
 * as an admin tool or set-up script does; `withSettings` puts the old values back afterwards.
 */
import { adminWith2fa, get, post } from './api';

export async function getSetting(id: string): Promise<unknown> {
  const res = await get(`settings/${encodeURIComponent(id)}`, await adminWith2fa());
  if (res.status !== 200) {
    throw new Error(`GET settings/${id}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return (res.body as { value: unknown }).value;
}

export async function setSetting(id: string, value: unknown): Promise<void> {
  const res = await post(`settings/${encodeURIComponent(id)}`, await adminWith2fa(), { value });
  if (res.status !== 200) {
    throw new Error(`POST settings/${id}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

export async function withSettings(values: Record<string, unknown>, fn: () => Promise<void>): Promise<void> {
  const before: [string, unknown][] = [];
  for (const id of Object.keys(values)) {
    before.push([id, await getSetting(id)]);
  }
  try {
    for (const [id, value] of Object.entries(values)) {
      await setSetting(id, value);
    }
    await fn();
  } finally {
    for (const [id, value] of before) {
      await setSetting(id, value);
    }
  }
}
