import { HIDDEN_ROOM_FIELDS, IRoom, RoomView } from '@app/contracts';

/** A room as the API shows it: without joinCode, members, importIds, e2e. */
export function presentRoom(room: Partial<IRoom> & { _id: string }): RoomView {
  const out: Record<string, unknown> = { ...room };
  for (const f of HIDDEN_ROOM_FIELDS) {
    delete out[f];
  }
  return out as RoomView;
}
