/** channels.*: public rooms. Room data is users-rooms'; the message endpoints (`history`, ...) are chat's. */
import type {
  CleanHistoryPayload,
  CountersPayload,
  CountersResult,
  HistoryPayload,
  HistoryResult,
  RoomAddAllPayload,
  RoomAnnouncementPayload,
  RoomCreatePayload,
  RoomCustomFieldsPayload,
  RoomDefaultPayload,
  RoomDescriptionPayload,
  RoomFilesPayload,
  RoomInvitePayload,
  RoomJoinCodePayload,
  RoomJoinPayload,
  RoomMember,
  RoomMembersPayload,
  RoomMessagesPayload,
  RoomPurposePayload,
  RoomReadOnlyPayload,
  RoomRenamePayload,
  RoomResult,
  RoomRoleHolder,
  RoomTargetPayload,
  RoomTopicPayload,
  RoomTypePayload,
  RoomUserPayload,
} from '../common/rooms';
import type { AuthUser, CallerPayload, Empty, ListPayload, PageRequest, Paged, RoomRef } from '../common/types';
import type { IMessage, IUserRef, RoomView } from '../documents';
import { CHAT_SERVICE, definePatterns, USERS_ROOMS_SERVICE } from '../registry';

const UR = USERS_ROOMS_SERVICE;

export const ChannelsPattern = definePatterns({
  Create: { pattern: 'channels.create', service: UR },
  Info: { pattern: 'channels.info', service: UR },
  List: { pattern: 'channels.list', service: UR },
  ListJoined: { pattern: 'channels.list.joined', service: UR },
  AddAll: { pattern: 'channels.addAll', service: UR },
  AddOwner: { pattern: 'channels.addOwner', service: UR },
  RemoveOwner: { pattern: 'channels.removeOwner', service: UR },
  AddModerator: { pattern: 'channels.addModerator', service: UR },
  RemoveModerator: { pattern: 'channels.removeModerator', service: UR },
  AddLeader: { pattern: 'channels.addLeader', service: UR },
  RemoveLeader: { pattern: 'channels.removeLeader', service: UR },
  Archive: { pattern: 'channels.archive', service: UR },
  Unarchive: { pattern: 'channels.unarchive', service: UR },
  Close: { pattern: 'channels.close', service: UR },
  Open: { pattern: 'channels.open', service: UR },
  Delete: { pattern: 'channels.delete', service: UR },
  Invite: { pattern: 'channels.invite', service: UR },
  Join: { pattern: 'channels.join', service: UR },
  Kick: { pattern: 'channels.kick', service: UR },
  Leave: { pattern: 'channels.leave', service: UR },
  Members: { pattern: 'channels.members', service: UR },
  Moderators: { pattern: 'channels.moderators', service: UR },
  Roles: { pattern: 'channels.roles', service: UR },
  Online: { pattern: 'channels.online', service: UR },
  Rename: { pattern: 'channels.rename', service: UR },
  SetAnnouncement: { pattern: 'channels.setAnnouncement', service: UR },
  SetCustomFields: { pattern: 'channels.setCustomFields', service: UR },
  SetDefault: { pattern: 'channels.setDefault', service: UR },
  SetDescription: { pattern: 'channels.setDescription', service: UR },
  SetJoinCode: { pattern: 'channels.setJoinCode', service: UR },
  SetPurpose: { pattern: 'channels.setPurpose', service: UR },
  SetReadOnly: { pattern: 'channels.setReadOnly', service: UR },
  SetTopic: { pattern: 'channels.setTopic', service: UR },
  SetType: { pattern: 'channels.setType', service: UR },
  GetIntegrations: { pattern: 'channels.getIntegrations', service: UR },
  History: { pattern: 'channels.history', service: CHAT_SERVICE },
  Messages: { pattern: 'channels.messages', service: CHAT_SERVICE },
  Files: { pattern: 'channels.files', service: CHAT_SERVICE },
  Counters: { pattern: 'channels.counters', service: CHAT_SERVICE },
  CleanHistory: { pattern: 'channels.cleanHistory', service: CHAT_SERVICE },
  GetAllUserMentionsByChannel: { pattern: 'channels.getAllUserMentionsByChannel', service: CHAT_SERVICE },
  AnonymousRead: { pattern: 'channels.anonymousread', service: CHAT_SERVICE },
});

/** Room fields no API response or `fields`/`query` may expose. */
export const HIDDEN_ROOM_FIELDS = ['joinCode', 'members', 'importIds', 'e2e'] as const;

/** @deprecated name kept for the first channel endpoints: a room creation */
export type ChannelsCreatePayload = RoomCreatePayload;
export type ChannelsInfoPayload = RoomTargetPayload;

export interface ChannelsOnlinePayload extends CallerPayload {
  /** 7.x: the room id */
  _id?: string;
  /** 5.x/6.x: a query selecting the room (`{"_id": ...}`) */
  query?: Record<string, unknown>;
}

export interface ChannelsGetIntegrationsPayload extends RoomTargetPayload {
  includeAllPublicChannels?: boolean;
  page: PageRequest;
}

export interface AnonymousReadPayload extends RoomRef {
  caller?: AuthUser;
  page: PageRequest;
}

export interface UserMentionsPayload extends CallerPayload {
  roomId: string;
  offset: number;
  count: number;
  sort?: Record<string, 1 | -1>;
}

export interface UploadView {
  _id: string;
  rid: string;
  name?: string;
  type?: string;
  size?: number;
  user?: IUserRef;
  [extra: string]: unknown;
}

type Room = { payload: RoomTargetPayload; result: RoomResult };

declare module '../registry' {
  interface RcContract {
    [ChannelsPattern.Create]: { payload: RoomCreatePayload; result: RoomResult };
    [ChannelsPattern.Info]: Room;
    [ChannelsPattern.List]: { payload: ListPayload; result: Paged<'channels', RoomView> };
    [ChannelsPattern.ListJoined]: { payload: ListPayload; result: Paged<'channels', RoomView> };
    [ChannelsPattern.AddAll]: { payload: RoomAddAllPayload; result: RoomResult };
    [ChannelsPattern.AddOwner]: { payload: RoomUserPayload; result: Empty };
    [ChannelsPattern.RemoveOwner]: { payload: RoomUserPayload; result: Empty };
    [ChannelsPattern.AddModerator]: { payload: RoomUserPayload; result: Empty };
    [ChannelsPattern.RemoveModerator]: { payload: RoomUserPayload; result: Empty };
    [ChannelsPattern.AddLeader]: { payload: RoomUserPayload; result: Empty };
    [ChannelsPattern.RemoveLeader]: { payload: RoomUserPayload; result: Empty };
    [ChannelsPattern.Archive]: { payload: RoomTargetPayload; result: Empty };
    [ChannelsPattern.Unarchive]: { payload: RoomTargetPayload; result: Empty };
    [ChannelsPattern.Close]: { payload: RoomTargetPayload; result: Empty };
    [ChannelsPattern.Open]: { payload: RoomTargetPayload; result: Empty };
    [ChannelsPattern.Delete]: { payload: RoomTargetPayload; result: Empty };
    [ChannelsPattern.Invite]: { payload: RoomInvitePayload; result: RoomResult };
    [ChannelsPattern.Join]: { payload: RoomJoinPayload; result: RoomResult };
    [ChannelsPattern.Kick]: { payload: RoomUserPayload; result: RoomResult };
    [ChannelsPattern.Leave]: Room;
    [ChannelsPattern.Members]: { payload: RoomMembersPayload; result: Paged<'members', RoomMember> };
    [ChannelsPattern.Moderators]: { payload: RoomTargetPayload; result: { moderators: IUserRef[] } };
    [ChannelsPattern.Roles]: { payload: RoomTargetPayload; result: { roles: RoomRoleHolder[] } };
    [ChannelsPattern.Online]: {
      payload: ChannelsOnlinePayload;
      result: { online: Pick<IUserRef, '_id' | 'username'>[] };
    };
    [ChannelsPattern.Rename]: { payload: RoomRenamePayload; result: RoomResult };
    [ChannelsPattern.SetAnnouncement]: { payload: RoomAnnouncementPayload; result: { announcement: string } };
    [ChannelsPattern.SetCustomFields]: { payload: RoomCustomFieldsPayload; result: RoomResult };
    [ChannelsPattern.SetDefault]: { payload: RoomDefaultPayload; result: RoomResult };
    [ChannelsPattern.SetDescription]: { payload: RoomDescriptionPayload; result: { description: string } };
    [ChannelsPattern.SetJoinCode]: { payload: RoomJoinCodePayload; result: RoomResult };
    [ChannelsPattern.SetPurpose]: { payload: RoomPurposePayload; result: { purpose: string } };
    [ChannelsPattern.SetReadOnly]: { payload: RoomReadOnlyPayload; result: RoomResult };
    [ChannelsPattern.SetTopic]: { payload: RoomTopicPayload; result: { topic: string } };
    [ChannelsPattern.SetType]: { payload: RoomTypePayload; result: RoomResult };
    [ChannelsPattern.GetIntegrations]: {
      payload: ChannelsGetIntegrationsPayload;
      result: Paged<'integrations', Record<string, unknown>>;
    };
    [ChannelsPattern.History]: { payload: HistoryPayload; result: HistoryResult };
    [ChannelsPattern.Messages]: { payload: RoomMessagesPayload; result: Paged<'messages', IMessage> };
    [ChannelsPattern.Files]: { payload: RoomFilesPayload; result: Paged<'files', UploadView> };
    [ChannelsPattern.Counters]: { payload: CountersPayload; result: CountersResult };
    [ChannelsPattern.CleanHistory]: { payload: CleanHistoryPayload; result: { _id: string; count: number } };
    [ChannelsPattern.GetAllUserMentionsByChannel]: {
      payload: UserMentionsPayload;
      result: Paged<'mentions', IMessage>;
    };
    [ChannelsPattern.AnonymousRead]: { payload: AnonymousReadPayload; result: Paged<'messages', IMessage> };
  }
}
