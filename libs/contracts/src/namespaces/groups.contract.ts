/** groups.*: private rooms, invisible to non-members. Room data is users-rooms'; message endpoints are chat's. */
import type {
  CountersPayload,
  CountersResult,
  HistoryPayload,
  HistoryResult,
  RoomAnnouncementPayload,
  RoomCreatePayload,
  RoomCustomFieldsPayload,
  RoomDescriptionPayload,
  RoomFilesPayload,
  RoomInvitePayload,
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
import type { Empty, ListPayload, Paged } from '../common/types';
import type { IMessage, IUserRef, RoomView } from '../documents';
import { CHAT_SERVICE, definePatterns, USERS_ROOMS_SERVICE } from '../registry';
import type { UploadView } from './channels.contract';

const UR = USERS_ROOMS_SERVICE;

export const GroupsPattern = definePatterns({
  Create: { pattern: 'groups.create', service: UR },
  Info: { pattern: 'groups.info', service: UR },
  List: { pattern: 'groups.list', service: UR },
  ListAll: { pattern: 'groups.listAll', service: UR },
  AddOwner: { pattern: 'groups.addOwner', service: UR },
  RemoveOwner: { pattern: 'groups.removeOwner', service: UR },
  AddModerator: { pattern: 'groups.addModerator', service: UR },
  RemoveModerator: { pattern: 'groups.removeModerator', service: UR },
  AddLeader: { pattern: 'groups.addLeader', service: UR },
  RemoveLeader: { pattern: 'groups.removeLeader', service: UR },
  Archive: { pattern: 'groups.archive', service: UR },
  Unarchive: { pattern: 'groups.unarchive', service: UR },
  Close: { pattern: 'groups.close', service: UR },
  Open: { pattern: 'groups.open', service: UR },
  Delete: { pattern: 'groups.delete', service: UR },
  Invite: { pattern: 'groups.invite', service: UR },
  Kick: { pattern: 'groups.kick', service: UR },
  Leave: { pattern: 'groups.leave', service: UR },
  Members: { pattern: 'groups.members', service: UR },
  Moderators: { pattern: 'groups.moderators', service: UR },
  Roles: { pattern: 'groups.roles', service: UR },
  Rename: { pattern: 'groups.rename', service: UR },
  SetAnnouncement: { pattern: 'groups.setAnnouncement', service: UR },
  SetCustomFields: { pattern: 'groups.setCustomFields', service: UR },
  SetDescription: { pattern: 'groups.setDescription', service: UR },
  SetPurpose: { pattern: 'groups.setPurpose', service: UR },
  SetReadOnly: { pattern: 'groups.setReadOnly', service: UR },
  SetTopic: { pattern: 'groups.setTopic', service: UR },
  SetType: { pattern: 'groups.setType', service: UR },
  History: { pattern: 'groups.history', service: CHAT_SERVICE },
  Messages: { pattern: 'groups.messages', service: CHAT_SERVICE },
  Files: { pattern: 'groups.files', service: CHAT_SERVICE },
  Counters: { pattern: 'groups.counters', service: CHAT_SERVICE },
});

type Room = { payload: RoomTargetPayload; result: RoomResult };

declare module '../registry' {
  interface RcContract {
    [GroupsPattern.Create]: { payload: RoomCreatePayload; result: RoomResult };
    [GroupsPattern.Info]: Room;
    [GroupsPattern.List]: { payload: ListPayload; result: Paged<'groups', RoomView> };
    [GroupsPattern.ListAll]: { payload: ListPayload; result: Paged<'groups', RoomView> };
    [GroupsPattern.AddOwner]: { payload: RoomUserPayload; result: Empty };
    [GroupsPattern.RemoveOwner]: { payload: RoomUserPayload; result: Empty };
    [GroupsPattern.AddModerator]: { payload: RoomUserPayload; result: Empty };
    [GroupsPattern.RemoveModerator]: { payload: RoomUserPayload; result: Empty };
    [GroupsPattern.AddLeader]: { payload: RoomUserPayload; result: Empty };
    [GroupsPattern.RemoveLeader]: { payload: RoomUserPayload; result: Empty };
    [GroupsPattern.Archive]: { payload: RoomTargetPayload; result: Empty };
    [GroupsPattern.Unarchive]: { payload: RoomTargetPayload; result: Empty };
    [GroupsPattern.Close]: { payload: RoomTargetPayload; result: Empty };
    [GroupsPattern.Open]: { payload: RoomTargetPayload; result: Empty };
    [GroupsPattern.Delete]: { payload: RoomTargetPayload; result: Empty };
    [GroupsPattern.Invite]: { payload: RoomInvitePayload; result: RoomResult };
    [GroupsPattern.Kick]: { payload: RoomUserPayload; result: RoomResult };
    [GroupsPattern.Leave]: Room;
    [GroupsPattern.Members]: { payload: RoomMembersPayload; result: Paged<'members', RoomMember> };
    [GroupsPattern.Moderators]: { payload: RoomTargetPayload; result: { moderators: IUserRef[] } };
    [GroupsPattern.Roles]: { payload: RoomTargetPayload; result: { roles: RoomRoleHolder[] } };
    [GroupsPattern.Rename]: { payload: RoomRenamePayload; result: RoomResult };
    [GroupsPattern.SetAnnouncement]: { payload: RoomAnnouncementPayload; result: { announcement: string } };
    [GroupsPattern.SetCustomFields]: { payload: RoomCustomFieldsPayload; result: RoomResult };
    [GroupsPattern.SetDescription]: { payload: RoomDescriptionPayload; result: { description: string } };
    [GroupsPattern.SetPurpose]: { payload: RoomPurposePayload; result: { purpose: string } };
    [GroupsPattern.SetReadOnly]: { payload: RoomReadOnlyPayload; result: RoomResult };
    [GroupsPattern.SetTopic]: { payload: RoomTopicPayload; result: { topic: string } };
    [GroupsPattern.SetType]: { payload: RoomTypePayload; result: RoomResult };
    [GroupsPattern.History]: { payload: HistoryPayload; result: HistoryResult };
    [GroupsPattern.Messages]: { payload: RoomMessagesPayload; result: Paged<'messages', IMessage> };
    [GroupsPattern.Files]: { payload: RoomFilesPayload; result: Paged<'files', UploadView> };
    [GroupsPattern.Counters]: { payload: CountersPayload; result: CountersResult };
  }
}
