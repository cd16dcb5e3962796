import { Injectable } from '@nestjs/common';
import type { UpdateQuery } from 'mongoose';
import {
  AuthUser,
  Empty,
  IRoom,
  IUserRef,
  keyedRoom,
  RoomAnnouncementPayload,
  RoomCustomFieldsPayload,
  RoomDefaultPayload,
  RoomDescriptionPayload,
  RoomJoinCodePayload,
  RoomKind,
  RoomPurposePayload,
  RoomReadOnlyPayload,
  RoomRenamePayload,
  RoomResult,
  RoomTargetPayload,
  RoomTopicPayload,
  RoomTypePayload,
} from '@app/contracts';
import { Errors, RcError } from '@app/envelope';
import { AuthorizationService } from '../authorization/authorization.service';
import { exactInsensitive, matchesNamePattern } from '../common/regex';
import { SettingsService } from '../settings/settings.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsersRepository } from '../users/users.repository';
import { MembershipService } from './membership.service';
import { RoomFinder } from './room-finder.service';
import { RoomNotifier } from './room-notifier.service';
import { presentRoom } from './room-view';
import type { RoomDoc } from './room.types';
import { RoomsRepository } from './rooms.repository';

/**
 * Rocket.Chat's saveRoomSettings and friends: every change needs `edit-room` (globally or in the room), is
 * written, announced with its system message where Rocket.Chat writes one, and seen by every cache at once.
 * Archiving, unarchiving and deleting have permissions of their own.
 */
@Injectable()
export class RoomSettingsService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly authorization: AuthorizationService,
    private readonly settings: SettingsService,
    private readonly membership: MembershipService,
    private readonly finder: RoomFinder,
    private readonly notifier: RoomNotifier,
  ) {}

  private async actor(caller: AuthUser): Promise<IUserRef> {
    const u = await this.users.findById(caller._id, { username: 1, name: 1 });
    return { _id: caller._id, username: u?.username ?? caller.username, ...(u?.name ? { name: u.name } : {}) };
  }

  /** `edit-room` in the room, else Rocket.Chat's `error-action-not-allowed`. */
  private async assertEditor(room: RoomDoc, caller: AuthUser): Promise<void> {
    if (!(await this.membership.can(room._id, caller, 'edit-room'))) {
      throw Errors.actionNotAllowed('Editing room is not allowed', {
        method: 'saveRoomSettings',
        action: 'Editing_room',
      });
    }
  }

  private async save(room: RoomDoc, update: UpdateQuery<IRoom>): Promise<void> {
    await this.rooms.updateOne(
      { _id: room._id },
      { ...update, $set: { ...(update.$set ?? {}), _updatedAt: new Date() } },
    );
    await this.notifier.roomChanged(room._id);
  }

  private async result(kind: RoomKind, room: RoomDoc): Promise<RoomResult> {
    return keyedRoom(kind, presentRoom((await this.rooms.findById<RoomDoc>(room._id)) ?? room));
  }

  /** A text setting with its "same value" refusal and system message (topic, announcement, description). */
  private async setText(
    kind: RoomKind,
    p: RoomTargetPayload,
    field: 'topic' | 'announcement' | 'description',
    value: string | undefined,
    what: string,
  ): Promise<string> {
    if (value === undefined) {
      throw RcError.plain(`The bodyParam "${what}" is required`);
    }
    const room = await this.finder.find(kind, p, p.caller._id);
    if (field !== 'announcement' && room[field] === value) {
      throw RcError.plain(
        `The ${kind.noun} ${what === 'purpose' ? 'purpose (description)' : what} is the same as what it would be changed to.`,
      );
    }
    await this.assertEditor(room, p.caller);
    await this.save(room, { $set: { [field]: value } });
    await this.notifier.systemMessage(p, room._id, `room_changed_${field}`, value, await this.actor(p.caller));
    return value;
  }

  async setTopic(kind: RoomKind, p: RoomTopicPayload): Promise<{ topic: string }> {
    return { topic: await this.setText(kind, p, 'topic', p.topic, 'topic') };
  }

  async setAnnouncement(kind: RoomKind, p: RoomAnnouncementPayload): Promise<{ announcement: string }> {
    return { announcement: await this.setText(kind, p, 'announcement', p.announcement, 'announcement') };
  }

  async setDescription(kind: RoomKind, p: RoomDescriptionPayload): Promise<{ description: string }> {
    return { description: await this.setText(kind, p, 'description', p.description, 'description') };
  }

  /** The purpose is the description under another name. */
  async setPurpose(kind: RoomKind, p: RoomPurposePayload): Promise<{ purpose: string }> {
    return { purpose: await this.setText(kind, p, 'description', p.purpose, 'purpose') };
  }

  /** channels.rename / groups.rename: a valid, free name; the subscriptions follow. */
  async rename(kind: RoomKind, p: RoomRenamePayload): Promise<RoomResult> {
    const name = p.name?.trim();
    if (!name) {
      throw RcError.plain('The bodyParam "name" is required');
    }
    const room = await this.finder.find(kind, p, p.caller._id);
    if (room.name === name) {
      throw RcError.plain(`The ${kind.noun} name is the same as what it would be renamed to.`);
    }
    await this.assertEditor(room, p.caller);
    const pattern = await this.settings.string('UTF8_Channel_Names_Validation', '[0-9a-zA-Z-_.]+');
    if (!matchesNamePattern(name, pattern)) {
      throw RcError.failure('error-invalid-room-name', `${name} is not a valid room name`, { channelName: name });
    }
    if (await this.rooms.exists({ name: exactInsensitive(name), _id: { $ne: room._id } })) {
      throw RcError.failure('error-duplicate-channel-name', `A channel with name '${name}' exists`, {
        channelName: name,
      });
    }
    await this.save(room, { $set: { name, fname: name } });
    await this.subscriptions.updateMany({ rid: room._id }, { $set: { name, fname: name, _updatedAt: new Date() } });
    await this.notifier.systemMessage(p, room._id, 'r', name, await this.actor(p.caller));
    return this.result(kind, { ...room, name });
  }

  /** setReadOnly: not on broadcast rooms; announced as room-set-read-only / room-removed-read-only. */
  async setReadOnly(kind: RoomKind, p: RoomReadOnlyPayload): Promise<RoomResult> {
    const room = await this.finder.find(kind, p, p.caller._id);
    const readOnly = p.readOnly === true;
    if ((room.ro ?? false) === readOnly) {
      throw RcError.plain(`The ${kind.noun} read only setting is the same as what it would be changed to.`);
    }
    await this.assertEditor(room, p.caller);
    if (room.broadcast) {
      throw Errors.actionNotAllowed('Editing readOnly/broadcast room is not allowed', {
        method: 'saveRoomSettings',
        action: 'Editing_room',
      });
    }
    await this.save(room, { $set: { ro: readOnly } });
    await this.notifier.systemMessage(
      p,
      room._id,
      readOnly ? 'room-set-read-only' : 'room-removed-read-only',
      '',
      await this.actor(p.caller),
    );
    return this.result(kind, room);
  }

  /** setType: `c` ↔ `p`; making a channel private needs `create-p`, the other way `create-c`. */
  async setType(kind: RoomKind, p: RoomTypePayload): Promise<RoomResult> {
    const type = p.type?.trim();
    if (!type) {
      throw RcError.plain('The bodyParam "type" is required');
    }
    const room = await this.finder.find(kind, p, p.caller._id);
    if (room.t === type) {
      throw RcError.plain(`The ${kind.noun} type is the same as what it would be changed to.`);
    }
    await this.assertEditor(room, p.caller);
    if (type !== 'c' && type !== 'p') {
      throw RcError.failure('error-invalid-room-type', `${type} is not a valid room type`, {
        method: 'saveRoomSettings',
        type,
      });
    }
    if (!(await this.authorization.hasPermission(p.caller.roles, `create-${type}`))) {
      throw Errors.actionNotAllowed(
        type === 'c'
          ? 'Changing a private group to a public channel is not allowed'
          : 'Changing a public channel to a private room is not allowed',
        { method: 'saveRoomSettings', action: 'Change_Room_Type' },
      );
    }
    await this.save(room, { $set: { t: type } });
    await this.subscriptions.updateMany({ rid: room._id }, { $set: { t: type, _updatedAt: new Date() } });
    await this.notifier.systemMessage(
      p,
      room._id,
      'room_changed_privacy',
      type === 'c' ? 'public' : 'private',
      await this.actor(p.caller),
    );
    return { [kind.key]: presentRoom((await this.rooms.findById<RoomDoc>(room._id)) ?? room) };
  }

  /** channels.setJoinCode: joining then asks for the code (unless `join-without-join-code`). */
  async setJoinCode(kind: RoomKind, p: RoomJoinCodePayload): Promise<RoomResult> {
    const joinCode = p.joinCode?.trim();
    if (!joinCode) {
      throw RcError.plain('The bodyParam "joinCode" is required');
    }
    const room = await this.finder.find(kind, p, p.caller._id);
    await this.assertEditor(room, p.caller);
    await this.save(room, { $set: { joinCode, joinCodeRequired: true } });
    return this.result(kind, room);
  }

  /** channels.setDefault: new users join default channels; needs `view-room-administration` too. */
  async setDefault(kind: RoomKind, p: RoomDefaultPayload): Promise<RoomResult> {
    if (p.default === undefined) {
      throw RcError.apiFailure('The bodyParam "default" is required', 'error-channels-setdefault-is-same');
    }
    const value = ['true', '1'].includes(String(p.default).toLowerCase());
    const room = await this.finder.find(kind, p, p.caller._id);
    if ((room.default ?? false) === value) {
      throw RcError.apiFailure(
        'The channel default setting is the same as what it would be changed to.',
        'error-channels-setdefault-missing-default-param',
      );
    }
    await this.assertEditor(room, p.caller);
    if (!(await this.authorization.hasPermission(p.caller.roles, 'view-room-administration'))) {
      throw Errors.actionNotAllowed('Viewing room administration is not allowed', {
        method: 'saveRoomSettings',
        action: 'Viewing_room_administration',
      });
    }
    await this.save(room, { $set: { default: value } });
    return this.result(kind, room);
  }

  /** setCustomFields: the room's `customFields`, copied to its subscriptions. */
  async setCustomFields(kind: RoomKind, p: RoomCustomFieldsPayload): Promise<RoomResult> {
    if (!p.customFields || typeof p.customFields !== 'object') {
      throw RcError.plain('The bodyParam "customFields" is required with a type like object.');
    }
    const room = await this.finder.find(kind, p, p.caller._id);
    await this.assertEditor(room, p.caller);
    await this.save(room, { $set: { customFields: p.customFields } });
    await this.subscriptions.updateMany({ rid: room._id }, { $set: { customFields: p.customFields } });
    return this.result(kind, room);
  }

  /** archive: `archive-room`; members' subscriptions are archived and closed. */
  async archive(kind: RoomKind, p: RoomTargetPayload): Promise<Empty> {
    const room = await this.finder.find(kind, p, p.caller._id);
    if (!(await this.membership.can(room._id, p.caller, 'archive-room'))) {
      throw Errors.notAuthorized({ method: 'archiveRoom' });
    }
    await this.save(room, { $set: { archived: true } });
    await this.subscriptions.updateMany({ rid: room._id }, { $set: { archived: true, open: false, alert: false } });
    await this.notifier.systemMessage(p, room._id, 'room-archived', '', await this.actor(p.caller));
    return {};
  }

  /** unarchive: `unarchive-room`; a room that is not archived is refused. */
  async unarchive(kind: RoomKind, p: RoomTargetPayload): Promise<Empty> {
    const room = await this.finder.find(kind, p, p.caller._id, { checkArchived: false });
    if (!room.archived) {
      throw RcError.plain(`The ${kind.noun}, ${room.name}, is not archived`);
    }
    if (!(await this.membership.can(room._id, p.caller, 'unarchive-room'))) {
      throw Errors.notAuthorized({ method: 'unarchiveRoom' });
    }
    await this.save(room, { $set: { archived: false } });
    await this.subscriptions.updateMany({ rid: room._id }, { $set: { archived: false, open: true } });
    await this.notifier.systemMessage(p, room._id, 'room-unarchived', '', await this.actor(p.caller));
    return {};
  }

  /** delete (eraseRoom): `delete-c` / `delete-p` in the room; the room, its subscriptions, messages and files go. */
  async delete(kind: RoomKind, p: RoomTargetPayload): Promise<Empty> {
    const room = await this.finder.find(kind, p, p.caller._id, { checkArchived: false });
    if (!(await this.membership.can(room._id, p.caller, `delete-${kind.t}`))) {
      throw Errors.notAllowed('Not allowed', { method: 'eraseRoom' });
    }
    // its discussions go with it (Rocket.Chat's afterDeleteRoom hook of discussions)
    const discussions = await this.rooms.find<RoomDoc>({ prid: room._id }, { projection: { _id: 1 } });
    for (const rid of [room._id, ...discussions.map((d) => d._id)]) {
      const members = await this.subscriptions.find({ rid }, { projection: { 'u._id': 1 } });
      await this.subscriptions.deleteMany({ rid });
      await this.rooms.deleteOne({ _id: rid });
      await this.notifier.roomDeleted(rid);
      await this.notifier.membershipChanged(
        rid,
        members.map((s) => s.u._id),
      );
    }
    return {};
  }
}
