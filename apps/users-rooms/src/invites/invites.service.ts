import { Injectable } from '@nestjs/common';
import {
  CallerPayload,
  FindOrCreateInvitePayload,
  IInvite,
  InviteRoomView,
  RemoveInvitePayload,
  UseInviteTokenPayload,
} from '@app/contracts';
import { randomId } from '@app/database';
import { RcError } from '@app/envelope';
import { AuthorizationService } from '../authorization/authorization.service';
import { MembershipService } from '../rooms/membership.service';
import type { RoomDoc, UserRef } from '../rooms/room.types';
import { RoomsRepository } from '../rooms/rooms.repository';
import { SettingsService } from '../settings/settings.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsersRepository } from '../users/users.repository';
import { InvitesRepository } from './invites.repository';

const POSSIBLE_DAYS = [0, 1, 7, 15, 30];
const POSSIBLE_USES = [0, 1, 5, 10, 25, 50, 100];

const notAuthorized = () => RcError.failure('not_authorized');
const invalidRoom = (method: string) =>
  RcError.failure('error-invalid-room', 'The rid field is invalid', { method, field: 'rid' });
const invalidToken = () =>
  RcError.failure('error-invalid-token', 'The invite token is invalid.', {
    method: 'validateInviteToken',
    field: 'token',
  });
const expired = (field: 'expires' | 'maxUses') =>
  RcError.failure('error-invite-expired', 'The invite token has expired.', { method: 'validateInviteToken', field });

/**
 * Invite links (Rocket.Chat's invites app, 7.x: the invite's `_id` is its token): members holding
 * `create-invite-links` in a channel, group or discussion make links that expire after `days` (0 = never) and
 * `maxUses` uses (0 = unlimited); the same settings give the same link back while it is usable. Using a token
 * joins the room and counts a use; an expired or used-up token is refused.
 */
@Injectable()
export class InvitesService {
  constructor(
    private readonly invites: InvitesRepository,
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly authorization: AuthorizationService,
    private readonly membership: MembershipService,
    private readonly settings: SettingsService,
  ) {}

  /** findOrCreateInvite */
  async findOrCreate(p: FindOrCreateInvitePayload): Promise<IInvite> {
    if (!p.rid) {
      throw RcError.failure('error-the-field-is-required', 'The field rid is required', {
        method: 'findOrCreateInvite',
        field: 'rid',
      });
    }
    // the permission is checked first, in the room (owners and moderators hold it there)
    if (!(await this.membership.can(p.rid, p.caller, 'create-invite-links'))) {
      throw notAuthorized();
    }
    if (!(await this.subscriptions.exists({ rid: p.rid, 'u._id': p.caller._id }))) {
      throw invalidRoom('findOrCreateInvite');
    }
    const room = await this.rooms.findById<RoomDoc>(p.rid, { _id: 1, t: 1 });
    if (!room) {
      throw invalidRoom('findOrCreateInvite');
    }
    if (room.t !== 'c' && room.t !== 'p') {
      throw RcError.failure('error-room-type-not-allowed', 'Cannot create invite links for this room type', {
        method: 'findOrCreateInvite',
      });
    }
    if (!POSSIBLE_DAYS.includes(p.days)) {
      throw RcError.failure(
        'invalid-number-of-days',
        'Invite should expire in 1, 7, 15 or 30 days, or send 0 to never expire.',
      );
    }
    if (!POSSIBLE_USES.includes(p.maxUses)) {
      throw RcError.failure(
        'invalid-number-of-uses',
        'Invite should be valid for 1, 5, 10, 25, 50, 100 or infinite (0) uses.',
      );
    }
    const now = new Date();
    const existing = await this.invites.findOne({
      rid: p.rid,
      userId: p.caller._id,
      days: p.days,
      maxUses: p.maxUses,
      ...(p.days > 0 ? { expires: { $gt: now } } : {}),
      ...(p.maxUses > 0 ? { uses: { $lt: p.maxUses } } : {}),
    });
    if (existing) {
      return { ...existing, url: await this.urlOf(existing._id) };
    }
    let expires: Date | null = null;
    if (p.days > 0) {
      expires = new Date(now);
      expires.setDate(expires.getDate() + p.days);
    }
    const invite: IInvite = {
      _id: randomId(6),
      rid: p.rid,
      userId: p.caller._id,
      createdAt: now,
      expires,
      maxUses: p.maxUses,
      uses: 0,
      days: p.days,
      url: '',
      _updatedAt: now,
    };
    await this.invites.insert(invite);
    return { ...invite, url: await this.urlOf(invite._id) };
  }

  /** The link to share: the site's own `/invite/<token>`, or (default) the deep link Rocket.Chat's apps open. */
  private async urlOf(token: string): Promise<string> {
    const site = (await this.settings.string('Site_Url', 'http://localhost:3000')).replace(/\/+$/, '');
    const path = `invite/${token}`;
    if ((await this.settings.string('Accounts_Registration_InviteUrlType', 'proxy')) === 'direct') {
      return `${site}/${path}`;
    }
    const deepLink = (await this.settings.string('DeepLink_Url', 'https://go.rocket.chat')).replace(/\/+$/, '');
    const host = site.replace(/^https?:\/\//, '');
    return `${deepLink}/invite?host=${encodeURIComponent(host)}&path=${encodeURIComponent(path)}`;
  }

  /** listInvites: every invite of the server, for holders of `create-invite-links`. */
  async list(p: CallerPayload): Promise<IInvite[]> {
    if (!(await this.authorization.hasPermission(p.caller.roles, 'create-invite-links'))) {
      throw notAuthorized();
    }
    return this.invites.find({}, { sort: { createdAt: 1 } });
  }

  /** removeInvite/:_id */
  async remove(p: RemoveInvitePayload): Promise<boolean> {
    if (!(await this.authorization.hasPermission(p.caller.roles, 'create-invite-links'))) {
      throw notAuthorized();
    }
    if (!p._id) {
      throw RcError.failure('error-the-field-is-required', 'The field _id is required', {
        method: 'removeInvite',
        field: '_id',
      });
    }
    if (!(await this.invites.deleteOne({ _id: p._id }))) {
      throw RcError.failure('invalid-invitation-id', 'Invalid Invitation _id', { method: 'removeInvite' });
    }
    return true;
  }

  /** The invite and its room, or Rocket.Chat's refusal (unknown, room gone, expired, used up). */
  private async usable(token: string): Promise<{ invite: IInvite; room: RoomDoc }> {
    if (!token) {
      throw invalidToken();
    }
    const invite = await this.invites.findById(token);
    if (!invite) {
      throw invalidToken();
    }
    const room = await this.rooms.findById<RoomDoc>(invite.rid, { _id: 1, t: 1, name: 1, fname: 1, prid: 1 });
    if (!room) {
      throw RcError.failure('error-invalid-room', 'The invite token is invalid.', {
        method: 'validateInviteToken',
        field: 'rid',
      });
    }
    if (invite.expires && new Date(invite.expires).getTime() <= Date.now()) {
      throw expired('expires');
    }
    if (invite.maxUses > 0 && invite.uses >= invite.maxUses) {
      throw expired('maxUses');
    }
    return { invite, room };
  }

  /** validateInviteToken: never refuses, answers whether the token can be used. */
  async validate(token: string): Promise<{ valid: boolean }> {
    try {
      await this.usable(token);
      return { valid: true };
    } catch {
      return { valid: false };
    }
  }

  /** useInviteToken: the caller joins the room (a use is counted unless already a member). */
  async use(p: UseInviteTokenPayload): Promise<{ room: InviteRoomView }> {
    const { invite, room } = await this.usable(p.token);
    if (room.t !== 'c' && room.t !== 'p') {
      throw RcError.failure('error-room-type-not-allowed', "Can't join room of this type via invite", {
        method: 'useInviteToken',
        field: 'token',
      });
    }
    const user = await this.users.findById<UserRef>(p.caller._id, { _id: 1, username: 1, name: 1, roles: 1 });
    if (!user) {
      throw RcError.failure('error-invalid-user', 'The user is invalid', { method: 'useInviteToken', field: 'userId' });
    }
    await this.users.updateOne({ _id: user._id }, { $set: { inviteToken: invite._id } });
    if (!(await this.subscriptions.exists({ rid: room._id, 'u._id': user._id }))) {
      // counted atomically, so concurrent uses cannot go past maxUses
      const counted = await this.invites.findOneAndUpdate(
        { _id: invite._id, ...(invite.maxUses > 0 ? { uses: { $lt: invite.maxUses } } : {}) },
        { $inc: { uses: 1 }, $set: { _updatedAt: new Date() } },
      );
      if (!counted) {
        throw expired('maxUses');
      }
      if (user.username) {
        await this.membership.subscribe(room, user, { announce: 'uj', call: p });
      }
    }
    return {
      room: {
        rid: room._id,
        ...(room.prid ? { prid: room.prid } : {}),
        ...(room.fname ? { fname: room.fname } : {}),
        ...(room.name ? { name: room.name } : {}),
        t: room.t,
      },
    };
  }
}
