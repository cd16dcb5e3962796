import { Injectable } from '@nestjs/common';
import type { FilterQuery, ProjectionType } from 'mongoose';
import {
  ChatPattern,
  CreateDiscussionPayload,
  IRoom,
  IUserRef,
  MessageLookupPattern,
  MessageRef,
  Paged,
  RoomsGetDiscussionsPayload,
  RoomView,
} from '@app/contracts';
import { isDuplicateKey, randomId } from '@app/database';
import { Errors, RcError } from '@app/envelope';
import { reviveQuery } from '@app/paging';
import { RpcClient } from '@app/transport';
import { AuthorizationService } from '../authorization/authorization.service';
import { SettingsService } from '../settings/settings.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsersRepository } from '../users/users.repository';
import { MembershipService } from './membership.service';
import { RoomNotifier } from './room-notifier.service';
import { presentRoom } from './room-view';
import { RoomVisibility } from './room-visibility.service';
import type { RoomDoc, UserRef } from './room.types';
import { RoomsRepository } from './rooms.repository';

const HIDDEN = { joinCode: 0, members: 0, importIds: 0, e2e: 0 } as const;
const USER_FIELDS = { _id: 1, username: 1, name: 1, roles: 1 } as const;

const args = (reason: string) => RcError.failure('error-invalid-arguments', reason, { method: 'DiscussionCreation' });
const notAllowed = () =>
  Errors.actionNotAllowed('You are not allowed to create a discussion', { method: 'createDiscussion' });

/**
 * Discussions (Rocket.Chat's createDiscussion): a room of its parent's type (a DM's is private) with `prid`,
 * created in a room or on a message, its creator as owner and the users named (and the message's author) as
 * members, each with a subscription carrying `prid`. The parent gets a `discussion-created` system message
 * with `drid`; a `reply` is posted in the discussion as its first message. rooms.getDiscussions lists them.
 */
@Injectable()
export class DiscussionsService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly authorization: AuthorizationService,
    private readonly settings: SettingsService,
    private readonly membership: MembershipService,
    private readonly visibility: RoomVisibility,
    private readonly notifier: RoomNotifier,
    private readonly rpc: RpcClient,
  ) {}

  async create(p: CreateDiscussionPayload): Promise<{ discussion: RoomView & { rid: string } }> {
    if (!p.prid) {
      throw RcError.plain('Body parameter "prid" is required.');
    }
    if (!p.t_name) {
      throw RcError.plain('Body parameter "t_name" is required.');
    }
    if (!(await this.settings.boolean('Discussion_enabled', true))) {
      throw notAllowed();
    }
    const roles = await this.membership.rolesIn(p.prid, p.caller);
    if (!(await this.authorization.hasAny(roles, ['start-discussion', 'start-discussion-other-user']))) {
      throw notAllowed();
    }
    const creator = await this.users.findById<UserRef>(p.caller._id, USER_FIELDS);
    if (!creator?.username) {
      throw Errors.invalidUser('Invalid user', { method: 'createDiscussion' });
    }
    const message = p.pmid ? await this.parentMessage(p.pmid, p.prid) : null;
    const parent = await this.sendableParent(p.prid, creator);
    if (parent.prid) {
      throw RcError.failure('error-nested-discussion', 'Cannot create nested discussions', {
        method: 'DiscussionCreation',
      });
    }
    const encrypted = typeof p.encrypted === 'boolean' ? p.encrypted : !!parent.encrypted;
    if (encrypted && p.reply) {
      throw args('Encrypted discussions must not receive an initial reply.');
    }
    if (p.pmid) {
      // one discussion per message: starting it again joins the caller to it
      const existing = await this.rooms.findOne<RoomDoc>({ prid: parent._id, pmid: p.pmid });
      if (existing) {
        await this.membership.subscribe(existing, creator, { announce: 'uj', call: p });
        await this.subscriptions.updateMany(
          { rid: existing._id, prid: { $exists: false } },
          { $set: { prid: parent._id } },
        );
        return { discussion: { ...presentRoom(existing), rid: existing._id } };
      }
    }
    const room = await this.insertRoom(p, parent, creator, message, encrypted);
    const invited = [...new Set([message?.u.username, ...(p.users ?? [])].filter((u): u is string => !!u))];
    const members = invited.length
      ? await this.users.find<UserRef>(
          { username: { $in: invited.filter((u) => u !== creator.username) }, active: true },
          { projection: USER_FIELDS },
        )
      : [];
    const now = new Date();
    await this.membership.subscribe(room, creator, { roles: ['owner'], now });
    for (const m of members) {
      await this.membership.subscribe(room, m, { now });
    }
    await this.subscriptions.updateMany({ rid: room._id }, { $set: { prid: parent._id } });
    await this.notifier.roomChanged(room._id);
    const by: IUserRef = {
      _id: creator._id,
      username: creator.username,
      ...(creator.name ? { name: creator.name } : {}),
    };
    const quote = message ? await this.quoteOf(message, parent) : undefined;
    await this.notifier.systemMessage(p, message?.rid ?? parent._id, 'discussion-created', p.t_name, by, {
      drid: room._id,
      ...(quote ? { attachments: [quote] } : {}),
    });
    if (quote) {
      await this.rpc.send(ChatPattern.PostMessage, {
        caller: p.caller,
        roomId: room._id,
        text: '',
        attachments: [quote],
      });
    }
    if (p.reply) {
      await this.rpc.send(ChatPattern.PostMessage, { caller: p.caller, roomId: room._id, text: p.reply });
    }
    const created = (await this.rooms.findById<RoomDoc>(room._id, HIDDEN)) ?? room;
    return { discussion: { ...presentRoom(created), rid: created._id } };
  }

  /** The message a discussion starts on: it must exist and belong to the parent room (or to a discussion of it). */
  private async parentMessage(pmid: string, prid: string): Promise<MessageRef> {
    const message = await this.rpc.send(MessageLookupPattern.MessageRef, { messageId: pmid });
    if (!message) {
      throw RcError.failure('error-invalid-message', 'Invalid message', { method: 'DiscussionCreation' });
    }
    const room = await this.rooms.findById<RoomDoc>(message.rid, { _id: 1, prid: 1 });
    const root = room?.prid ?? room?._id;
    if (root !== prid) {
      throw args('Root message room ID does not match parent room ID ');
    }
    return message;
  }

  /** Rocket.Chat's canSendMessage on the parent: a room the creator may access and post in. */
  private async sendableParent(prid: string, creator: UserRef): Promise<RoomDoc> {
    const parent = await this.rooms.findById<RoomDoc>(prid);
    // a room the creator cannot see is answered like one that does not exist
    if (!parent || !(await this.visibility.canAccess(parent, creator))) {
      throw RcError.failure('error-invalid-room');
    }
    if (parent.muted?.includes(creator.username!)) {
      throw RcError.failure('error-action-not-allowed', 'You_have_been_muted', { method: 'DiscussionCreation' });
    }
    if (parent.ro && !(await this.membership.can(parent._id, creator, 'post-readonly'))) {
      throw RcError.plain("You can't send messages because the room is readonly.");
    }
    return parent;
  }

  private async insertRoom(
    p: CreateDiscussionPayload,
    parent: RoomDoc,
    creator: UserRef,
    message: MessageRef | null,
    encrypted: boolean,
  ): Promise<RoomDoc> {
    const now = new Date();
    const room: RoomDoc = {
      _id: randomId(),
      t: parent.t === 'c' ? 'c' : 'p',
      name: randomId(),
      fname: p.t_name!,
      u: { _id: creator._id, username: creator.username! },
      prid: parent._id,
      ...(p.pmid ? { pmid: p.pmid } : {}),
      topic: p.topic || parent.fname || parent.name || '',
      ...(message && !parent.encrypted ? { description: message.msg } : {}),
      encrypted,
      msgs: 0,
      usersCount: 0,
      ts: now,
      ro: false,
      default: false,
      sysMes: true,
      _updatedAt: now,
    };
    try {
      await this.rooms.insert(room);
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw RcError.failure('error-duplicate-channel-name', `A channel with name '${room.name}' exists`);
      }
      throw err;
    }
    return room;
  }

  /** The parent message as an attachment (Rocket.Chat's attachMessage). */
  private async quoteOf(message: MessageRef, parent: RoomDoc): Promise<Record<string, unknown>> {
    const site = (await this.settings.string('Site_Url', 'http://localhost:3000')).replace(/\/+$/, '');
    const path = parent.t === 'c' ? 'channel' : parent.t === 'p' ? 'group' : 'direct';
    const username = message.u.username;
    return {
      text: parent.encrypted ? 'Encrypted_message' : message.msg,
      author_name: message.alias || username,
      author_icon: `/avatar/${username}`,
      message_link: `${site}/${path}/${parent.t === 'd' ? parent._id : parent.name}?msg=${message._id}`,
      ...(message.attachments?.length ? { attachments: message.attachments } : {}),
      ts: message.ts,
    };
  }

  /** rooms.getDiscussions: the discussions of a room the caller can access, paged (`query`, `fields`, `sort`). */
  async list(p: RoomsGetDiscussionsPayload): Promise<Paged<'discussions', RoomView>> {
    const { room, accessible } = await this.visibility.find(p, p.caller);
    if (!accessible) {
      throw RcError.apiFailure('not-allowed', 'Not Allowed');
    }
    const filter: FilterQuery<IRoom> = { ...(p.page.query ? reviveQuery(p.page.query) : {}), prid: room._id };
    const projection = p.page.fields && Object.keys(p.page.fields).length ? p.page.fields : HIDDEN;
    const [discussions, total] = await Promise.all([
      this.rooms.find<RoomDoc>(filter, {
        projection: projection as ProjectionType<IRoom>,
        sort: p.page.sort ?? { fname: 1 },
        skip: p.page.offset,
        limit: p.page.count,
      }),
      this.rooms.count(filter),
    ]);
    return {
      discussions: discussions.map((d) => presentRoom(d)),
      count: discussions.length,
      offset: p.page.offset,
      total,
    };
  }
}
