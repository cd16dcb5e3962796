import { Injectable } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';
import { DirectoryPayload, DirectoryResult, IRoom, IUser, RoomView, UserView } from '@app/contracts';
import { RcError } from '@app/envelope';
import { AuthorizationService } from '../authorization/authorization.service';
import { escapeRegExp } from '../common/regex';
import { presentRoom } from '../rooms/room-view';
import type { RoomDoc } from '../rooms/room.types';
import { RoomsRepository } from '../rooms/rooms.repository';
import { SettingsService } from '../settings/settings.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsersRepository } from '../users/users.repository';

const ROOM_FIELDS = {
  t: 1,
  description: 1,
  topic: 1,
  name: 1,
  fname: 1,
  lastMessage: 1,
  ts: 1,
  archived: 1,
  default: 1,
  featured: 1,
  usersCount: 1,
  prid: 1,
  teamId: 1,
  teamMain: 1,
  avatarETag: 1,
} as const;

const TYPES = ['channels', 'users', 'teams'];
const ROOM_SORTS = ['name', 'createdAt', 'usersCount', 'lastMessage', 'usernames'];
const USER_SORTS = ['name', 'createdAt', 'usersCount', 'username', 'email', 'bio'];

const verify = () => RcError.plain('Please verify the parameters');

/** The search fields of users (`Accounts_SearchFields`, or every name field for `workspace=all`). */
export function userSearchFields(setting: string, workspace?: string): string[] {
  if (workspace === 'all') {
    return ['username', 'name', 'emails.address'];
  }
  const fields = setting
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  return fields.length ? fields : ['username', 'name'];
}

/**
 * The directory (Rocket.Chat's browseChannels): public channels and the caller's own private groups
 * (`view-c-room`), users (`view-outside-room` + `view-d-room`; e-mails only with `view-full-other-user-info`),
 * or the caller's teams; by `text`, sorted by one key, paged. A refused or invalid request is Rocket.Chat's
 * "Please verify the parameters".
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly authorization: AuthorizationService,
    private readonly settings: SettingsService,
  ) {}

  async search(p: DirectoryPayload): Promise<DirectoryResult> {
    const legacy = p.page.query ?? {};
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const text = p.text ?? str(legacy.text) ?? '';
    const type = p.type ?? str(legacy.type) ?? 'channels';
    const workspace = p.workspace ?? str(legacy.workspace) ?? 'local';
    const sortKeys = Object.keys(p.page.sort ?? {});
    if (sortKeys.length > 1) {
      throw RcError.plain('This method support only one "sort" parameter');
    }
    const sortBy = sortKeys[0] ?? 'name';
    const direction = sortKeys.length ? p.page.sort![sortBy] : 1;
    if (!TYPES.includes(type) || !(type === 'users' ? USER_SORTS : ROOM_SORTS).includes(sortBy)) {
      throw verify();
    }
    const { offset } = p.page;
    const found =
      type === 'users'
        ? await this.searchUsers(p, text, workspace, sortBy, direction)
        : await this.searchRooms(p, text, type === 'teams', sortBy, direction);
    return { result: found.results, count: found.results.length, offset, total: found.total };
  }

  private async searchRooms(
    p: DirectoryPayload,
    text: string,
    teams: boolean,
    sortBy: string,
    direction: 1 | -1,
  ): Promise<{ results: RoomView[]; total: number }> {
    if (!teams && !(await this.authorization.hasPermission(p.caller.roles, 'view-c-room'))) {
      throw verify();
    }
    const mine = (await this.subscriptions.distinct('rid', { 'u._id': p.caller._id })) as string[];
    const filter: FilterQuery<IRoom> = teams
      ? { teamMain: true, _id: { $in: mine } }
      : { t: { $in: ['c', 'p'] }, prid: { $exists: false }, $or: [{ t: 'c' }, { _id: { $in: mine } }] };
    const term = text.trim();
    if (term) {
      const re = new RegExp(escapeRegExp(term), 'i');
      filter.$and = [{ $or: [{ name: re }, { fname: re }] }];
    }
    const field = sortBy === 'createdAt' ? 'ts' : sortBy === 'lastMessage' ? 'lastMessage.ts' : sortBy;
    const [rooms, total] = await Promise.all([
      this.rooms.find<RoomDoc>(filter, {
        projection: ROOM_FIELDS,
        sort: { featured: -1, [field]: direction },
        skip: p.page.offset,
        limit: p.page.count,
      }),
      this.rooms.count(filter),
    ]);
    const results: RoomView[] = [];
    for (const room of rooms) {
      const shown = presentRoom(room);
      results.push(teams ? { ...shown, roomsCount: await this.rooms.count({ teamId: room.teamId }) } : shown);
    }
    return { results, total };
  }

  private async searchUsers(
    p: DirectoryPayload,
    text: string,
    workspace: string,
    sortBy: string,
    direction: 1 | -1,
  ): Promise<{ results: UserView[]; total: number }> {
    const allowed = await this.authorization.store.hasAll(p.caller.roles, ['view-outside-room', 'view-d-room']);
    if (!allowed) {
      throw verify();
    }
    const full = await this.authorization.hasPermission(p.caller.roles, 'view-full-other-user-info');
    const fields = userSearchFields(await this.settings.string('Accounts_SearchFields', 'username, name'), workspace);
    const re = new RegExp(escapeRegExp(text.trim()), 'i');
    const filter: FilterQuery<IUser> = {
      active: true,
      username: { $exists: true },
      ...(workspace === 'local' ? { federated: { $ne: true } } : {}),
      $or: fields.map((f) => ({ [f]: re })),
    };
    const sort: Record<string, 1 | -1> =
      sortBy === 'email'
        ? { 'emails.address': direction, username: direction }
        : { [sortBy === 'createdAt' ? 'createdAt' : sortBy]: direction };
    const projection = {
      username: 1,
      name: 1,
      nickname: 1,
      bio: 1,
      createdAt: 1,
      avatarETag: 1,
      ...(full ? { emails: 1 } : {}),
    };
    const [results, total] = await Promise.all([
      this.users.find<UserView>(filter, { projection, sort, skip: p.page.offset, limit: p.page.count }),
      this.users.count(filter),
    ]);
    return { results, total };
  }
}
