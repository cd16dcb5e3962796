import { Controller } from '@nestjs/common';
import {
  CHANNEL_KIND,
  ChannelsGetIntegrationsPayload,
  ChannelsPattern,
  GroupsPattern,
  ListPayload,
  RoomAnnouncementPayload,
  RoomCreatePayload,
  RoomCustomFieldsPayload,
  RoomDefaultPayload,
  RoomDescriptionPayload,
  RoomJoinCodePayload,
  roomKindOf,
  RoomPurposePayload,
  RoomReadOnlyPayload,
  RoomRenamePayload,
  RoomTargetPayload,
  RoomTopicPayload,
  RoomTypePayload,
} from '@app/contracts';
import { Handles, StreamsContext } from '@app/transport';
import { RoomSettingsService } from './room-settings.service';
import { RoomsService } from './rooms.service';

const C = ChannelsPattern;
const G = GroupsPattern;

/** channels.* and groups.*: creating, reading, listing and configuring rooms (one handler per shared endpoint). */
@Controller()
export class RoomsController {
  constructor(
    private readonly rooms: RoomsService,
    private readonly settings: RoomSettingsService,
  ) {}

  @Handles(C.Create, G.Create)
  create(p: RoomCreatePayload, ctx: StreamsContext) {
    return this.rooms.create(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.Info, G.Info)
  info(p: RoomTargetPayload, ctx: StreamsContext) {
    return this.rooms.info(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.List)
  list(p: ListPayload) {
    return this.rooms.listChannels(p.caller, p.page);
  }

  @Handles(C.ListJoined)
  listJoined(p: ListPayload) {
    return this.rooms.listJoinedChannels(p.caller, p.page);
  }

  @Handles(G.List)
  listGroups(p: ListPayload) {
    return this.rooms.listGroups(p.caller, p.page);
  }

  @Handles(G.ListAll)
  listAllGroups(p: ListPayload) {
    return this.rooms.listAllGroups(p.caller, p.page);
  }

  @Handles(C.GetIntegrations)
  integrations(p: ChannelsGetIntegrationsPayload) {
    return this.rooms.integrations(p);
  }

  @Handles(C.Rename, G.Rename)
  rename(p: RoomRenamePayload, ctx: StreamsContext) {
    return this.settings.rename(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.SetTopic, G.SetTopic)
  setTopic(p: RoomTopicPayload, ctx: StreamsContext) {
    return this.settings.setTopic(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.SetAnnouncement, G.SetAnnouncement)
  setAnnouncement(p: RoomAnnouncementPayload, ctx: StreamsContext) {
    return this.settings.setAnnouncement(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.SetDescription, G.SetDescription)
  setDescription(p: RoomDescriptionPayload, ctx: StreamsContext) {
    return this.settings.setDescription(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.SetPurpose, G.SetPurpose)
  setPurpose(p: RoomPurposePayload, ctx: StreamsContext) {
    return this.settings.setPurpose(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.SetReadOnly, G.SetReadOnly)
  setReadOnly(p: RoomReadOnlyPayload, ctx: StreamsContext) {
    return this.settings.setReadOnly(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.SetType, G.SetType)
  setType(p: RoomTypePayload, ctx: StreamsContext) {
    return this.settings.setType(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.SetCustomFields, G.SetCustomFields)
  setCustomFields(p: RoomCustomFieldsPayload, ctx: StreamsContext) {
    return this.settings.setCustomFields(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.SetJoinCode)
  setJoinCode(p: RoomJoinCodePayload) {
    return this.settings.setJoinCode(CHANNEL_KIND, p);
  }

  @Handles(C.SetDefault)
  setDefault(p: RoomDefaultPayload) {
    return this.settings.setDefault(CHANNEL_KIND, p);
  }

  @Handles(C.Archive, G.Archive)
  archive(p: RoomTargetPayload, ctx: StreamsContext) {
    return this.settings.archive(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.Unarchive, G.Unarchive)
  unarchive(p: RoomTargetPayload, ctx: StreamsContext) {
    return this.settings.unarchive(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.Delete, G.Delete)
  delete(p: RoomTargetPayload, ctx: StreamsContext) {
    return this.settings.delete(roomKindOf(ctx.getPattern()), p);
  }
}
