import { Injectable } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';
import { AuthUser, IRoom, IUser, SpotlightPayload, SpotlightRoom, SpotlightUser } from '@app/contracts';
import { AuthorizationService } from '../authorization/authorization.service';
import { escapeRegExp, exactInsensitive } from '../common/regex';
import type { RoomDoc } from '../rooms/room.types';
import { RoomsRepository } from '../rooms/rooms.repository';
import { SettingsService } from '../settings/settings.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsersRepository } from '../users/users.repository';
import { userSearchFields } from './directory.service';

const USER_FIELDS = { username: 1, nickname: 1, name: 1, status: 1, statusText: 1, avatarETag: 1 } as const;
const ROOM_FIELDS = { t: 1, name: 1, fname: 1, teamMain: 1, joinCodeRequired: 1, lastMessage: 1, prid: 1 } as const;
const ROOMS_LIMIT = 5;

/**
 * Spotlight (Rocket.Chat's spotlight method, REST `spotlight`): users and rooms the caller may see, the exact
 * match first. `#text` searches rooms only, `@text` users only. Users: anyone active with `view-outside-room`
 * + `view-d-room` (marked `outside`), else only the people the caller has DMs with. Rooms (`view-outside-room`
 * + `view-c-room`): public channels and the caller's own groups, never another's private room.
 */
@Injectable()
export class SpotlightService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly authorization: AuthorizationService,
    private readonly settings: SettingsService,
  ) {}

  async search(p: SpotlightPayload): Promise<{ users: SpotlightUser[]; rooms: SpotlightRoom[] }> {
    let text = p.query.trim();
    let wantUsers = true;
    let wantRooms = true;
    if (text.startsWith('#')) {
      wantUsers = false;
      text = text.slice(1);
    } else if (text.startsWith('@')) {
      wantRooms = false;
      text = text.slice(1);
    }
    return {
      users: wantUsers ? await this.searchUsers(p.caller, text) : [],
      rooms: wantRooms ? await this.searchRooms(p.caller, text) : [],
    };
  }

  private async searchUsers(caller: AuthUser, text: string): Promise<SpotlightUser[]> {
    const limit = Math.max(1, await this.settings.number('Number_of_users_autocomplete_suggestions', 5));
    const sortField = (await this.settings.boolean('UI_Use_Real_Name', false)) ? 'name' : 'username';
    const fields = userSearchFields(await this.settings.string('Accounts_SearchFields', 'username, name'));
    const re = new RegExp(escapeRegExp(text), 'i');
    const canListOutsiders = await this.authorization.store.hasAll(caller.roles, ['view-outside-room', 'view-d-room']);
    const found: SpotlightUser[] = [];
    const base: FilterQuery<IUser> = { active: true, username: { $exists: true } };
    if (canListOutsiders) {
      if (text) {
        const exact = await this.users.findOne<SpotlightUser>(
          { ...base, username: exactInsensitive(text) },
          USER_FIELDS,
        );
        if (exact) {
          found.push({ ...exact, outside: true });
        }
      }
      const rest = await this.users.find<SpotlightUser>(
        { ...base, _id: { $nin: found.map((u) => u._id) }, $or: fields.map((f) => ({ [f]: re })) },
        { projection: USER_FIELDS, sort: { [sortField]: 1 }, limit: limit - found.length },
      );
      return [...found, ...rest.map((u) => ({ ...u, outside: true }))].slice(0, limit);
    }
    // without view-outside-room: only the people the caller has direct messages with
    const dms = (await this.subscriptions.distinct('rid', { 'u._id': caller._id, t: 'd' })) as string[];
    const peers = dms.length
      ? ((await this.subscriptions.distinct('u._id', { rid: { $in: dms }, 'u._id': { $ne: caller._id } })) as string[])
      : [];
    if (!peers.length) {
      return [];
    }
    const connected = await this.users.find<SpotlightUser>(
      { ...base, _id: { $in: peers }, $or: fields.map((f) => ({ [f]: re })) },
      { projection: USER_FIELDS, sort: { [sortField]: 1 }, limit },
    );
    const exactFirst = connected.findIndex((u) => u.username?.toLowerCase() === text.toLowerCase());
    if (exactFirst > 0) {
      connected.unshift(...connected.splice(exactFirst, 1));
    }
    return connected.map((u) => ({ ...u, outside: true }));
  }

  private async searchRooms(caller: AuthUser, text: string): Promise<SpotlightRoom[]> {
    if (!(await this.authorization.store.hasAll(caller.roles, ['view-outside-room', 'view-c-room']))) {
      return [];
    }
    const mine = (await this.subscriptions.distinct('rid', {
      'u._id': caller._id,
      t: { $in: ['c', 'p'] },
    })) as string[];
    const visible: FilterQuery<IRoom> = {
      t: { $in: ['c', 'p'] },
      prid: { $exists: false },
      $or: [{ t: 'c' }, { _id: { $in: mine } }],
    };
    const re = new RegExp(escapeRegExp(text), 'i');
    const exact = text
      ? await this.rooms.findOne<RoomDoc>({ ...visible, name: exactInsensitive(text) }, ROOM_FIELDS)
      : null;
    const others = await this.rooms.find<RoomDoc>(
      {
        ...visible,
        ...(exact ? { _id: { $ne: exact._id } } : {}),
        $and: [{ $or: [{ name: re }, { fname: re }] }],
      },
      { projection: ROOM_FIELDS, sort: { name: 1 }, limit: ROOMS_LIMIT - (exact ? 1 : 0) },
    );
    const rooms = (exact ? [exact, ...others] : others) as SpotlightRoom[];
    const showLast =
      !(await this.settings.boolean('Store_Last_Message', true)) ||
      (await this.authorization.hasPermission(caller.roles, 'preview-c-room'));
    return showLast ? rooms : rooms.map(({ lastMessage: _lm, ...rest }) => rest);
  }
}
