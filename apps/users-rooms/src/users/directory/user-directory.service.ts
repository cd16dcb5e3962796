import { Injectable } from '@nestjs/common';
import { FilterQuery } from 'mongoose';
import {
  AuthUser,
  IUser,
  Paged,
  UsersAutocompletePayload,
  UsersListByStatusPayload,
  UsersListTeamsPayload,
  UserView,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { reviveQuery } from '@app/paging';
import { AuthorizationService } from '../../authorization/authorization.service';
import { escapeRegExp } from '../../common/regex';
import { SettingsService } from '../../settings/settings.service';
import { SubscriptionsRepository } from '../../subscriptions/subscriptions.repository';
import { LIMITED_USER_FIELDS, USERS_LIST_DEFAULT_FIELDS } from '../user-fields';
import { UsersRepository } from '../users.repository';

/** users.listByStatus: users.list's projection plus the deactivation reason and the federation flag */
const LIST_BY_STATUS_FIELDS = { ...USERS_LIST_DEFAULT_FIELDS, reason: 1, federated: 1 } as const;

const AUTOCOMPLETE_FIELDS = { name: 1, username: 1, nickname: 1, status: 1, avatarETag: 1 } as const;
const AUTOCOMPLETE_LIMIT = 10;

/** users.listByStatus, users.autocomplete, users.listTeams: finding users (and their teams). */
@Injectable()
export class UserDirectoryService {
  constructor(
    private readonly users: UsersRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly authorization: AuthorizationService,
    private readonly settings: SettingsService,
  ) {}

  private can(caller: AuthUser, permission: string): Promise<boolean> {
    return this.authorization.hasPermission(caller.roles, permission);
  }

  /** `API_Apply_permission_view-outside-room_on_users-list`: then listing users needs `view-outside-room`. */
  private async assertMayListUsers(caller: AuthUser): Promise<void> {
    if (
      (await this.settings.get<boolean>('API_Apply_permission_view-outside-room_on_users-list')) === true &&
      !(await this.can(caller, 'view-outside-room'))
    ) {
      throw RcError.forbidden();
    }
  }

  /**
   * users.listByStatus (the route asks `view-d-room`): users by activation state, whether they ever logged
   * in, type and roles (`all` = any), searched by `searchTerm` in username and name (and e-mail for callers
   * who may see it). Callers without `view-full-other-user-info` neither see nor sort by hidden fields.
   */
  async listByStatus(p: UsersListByStatusPayload): Promise<Paged<'users', UserView>> {
    await this.assertMayListUsers(p.caller);
    const full = await this.can(p.caller, 'view-full-other-user-info');
    const filter: FilterQuery<IUser> = {};
    if (p.status === 'active') {
      filter.active = true;
    } else if (p.status === 'deactivated') {
      filter.active = false;
    }
    if (p.hasLoggedIn !== undefined) {
      filter.lastLogin = { $exists: p.hasLoggedIn };
    }
    if (p.type) {
      filter.type = p.type;
    }
    const term = p.searchTerm?.trim();
    if (term) {
      const like = { $regex: escapeRegExp(term), $options: 'i' };
      filter.$or = [...(full ? [{ 'emails.address': like }] : []), { username: like }, { name: like }];
    }
    if (p.roles?.length && !p.roles.includes('all')) {
      filter.roles = { $in: p.roles };
    }
    const sort: Record<string, 1 | -1> = { ...(p.sort ?? { username: 1 }) };
    if (!full && Object.keys(sort).some((k) => (LIMITED_USER_FIELDS as readonly string[]).includes(k.split('.')[0]))) {
      throw RcError.failure('error-invalid-sort', `Invalid sort parameter provided: "${JSON.stringify(p.sort)}"`);
    }
    if (sort.status) {
      sort.active = sort.status;
    }
    const projection: Record<string, 1> = { ...LIST_BY_STATUS_FIELDS };
    if (!full) {
      for (const f of LIMITED_USER_FIELDS) {
        delete projection[f];
      }
    }
    const [users, total] = await Promise.all([
      this.users.find<UserView>(filter, { projection, sort, skip: p.offset, limit: p.count }),
      this.users.count(filter),
    ]);
    return { users, count: users.length, offset: p.offset, total };
  }

  /**
   * users.autocomplete: active users whose username or name (the `Accounts_SearchFields`) contains the term,
   * people the caller has direct messages with first; without `view-outside-room` only people the caller
   * shares a room with. At most ten, `exceptions` left out, `conditions` (allow-listed) applied.
   */
  async autocomplete(p: UsersAutocompletePayload): Promise<{ items: UserView[] }> {
    const term = (p.selector.term ?? '').trim();
    const exceptions = [p.caller.username, ...(p.selector.exceptions ?? [])].filter(Boolean);
    const fields = (await this.settings.string('Accounts_SearchFields', 'username, name'))
      .split(',')
      .map((f) => f.trim())
      .filter((f) => ['username', 'name', 'nickname', 'bio'].includes(f));
    const like = { $regex: escapeRegExp(term), $options: 'i' };
    const clauses: FilterQuery<IUser>[] = [{ active: true, username: { $exists: true, $nin: exceptions } }];
    if (term) {
      clauses.push({ $or: (fields.length ? fields : ['username', 'name']).map((f) => ({ [f]: like })) });
    }
    if (p.selector.conditions && Object.keys(p.selector.conditions).length) {
      clauses.push(reviveQuery(p.selector.conditions));
    }
    const match: FilterQuery<IUser> = { $and: clauses };
    const [contacts, roomMates] = await Promise.all([
      this.peopleSharing(p.caller._id, ['d']),
      this.peopleSharing(p.caller._id),
    ]);
    const first = await this.users.find<UserView>(
      { ...match, _id: { $in: contacts } },
      { projection: AUTOCOMPLETE_FIELDS, sort: { username: 1 }, limit: AUTOCOMPLETE_LIMIT },
    );
    const outside = await this.can(p.caller, 'view-outside-room');
    const rest = await this.users.find<UserView>(
      {
        ...match,
        _id: outside ? { $nin: first.map((u) => u._id) } : { $in: roomMates, $nin: first.map((u) => u._id) },
      },
      { projection: AUTOCOMPLETE_FIELDS, sort: { username: 1 }, limit: AUTOCOMPLETE_LIMIT - first.length },
    );
    return { items: [...first, ...rest] };
  }

  /** The ids of the users subscribed to a room the user is in (of the given types). */
  private async peopleSharing(userId: string, types?: string[]): Promise<string[]> {
    const mine = await this.subscriptions.find(
      { 'u._id': userId, ...(types ? { t: { $in: types } } : {}) },
      { projection: { rid: 1 } },
    );
    if (!mine.length) {
      return [];
    }
    const others = await this.subscriptions.find(
      { rid: { $in: mine.map((s) => s.rid) }, 'u._id': { $ne: userId } },
      { projection: { 'u._id': 1 } },
    );
    return [...new Set(others.map((s) => s.u._id))];
  }

  /**
   * users.listTeams: the teams the user belongs to (all of them for `view-all-teams` holders, else only those
   * the caller is in too). Teams are not implemented yet, so nobody belongs to one: the list is empty.
   */
  listTeams(_p: UsersListTeamsPayload): { teams: Record<string, unknown>[] } {
    return { teams: [] };
  }
}
