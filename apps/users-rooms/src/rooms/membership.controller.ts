import { Controller } from '@nestjs/common';
import {
  CHANNEL_KIND,
  ChannelsOnlinePayload,
  ChannelsPattern,
  ChatPattern,
  GroupsPattern,
  IgnoreUserPayload,
  RoomAddAllPayload,
  RoomInvitePayload,
  RoomJoinPayload,
  roomKindOf,
  RoomMembersPayload,
  RoomTargetPayload,
  RoomUserPayload,
} from '@app/contracts';
import { Handles, StreamsContext } from '@app/transport';
import { MembershipService } from './membership.service';
import { RoomRolesService } from './room-roles.service';

const C = ChannelsPattern;
const G = GroupsPattern;

/** channels.* and groups.*: who is in a room and with which room roles. */
@Controller()
export class MembershipController {
  constructor(
    private readonly membership: MembershipService,
    private readonly roomRoles: RoomRolesService,
  ) {}

  @Handles(C.Invite, G.Invite)
  invite(p: RoomInvitePayload, ctx: StreamsContext) {
    return this.membership.invite(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.Join)
  join(p: RoomJoinPayload) {
    return this.membership.join(CHANNEL_KIND, p);
  }

  @Handles(C.Kick, G.Kick)
  kick(p: RoomUserPayload, ctx: StreamsContext) {
    return this.membership.kick(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.Leave, G.Leave)
  leave(p: RoomTargetPayload, ctx: StreamsContext) {
    return this.membership.leave(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.AddAll)
  addAll(p: RoomAddAllPayload) {
    return this.membership.addAll(CHANNEL_KIND, p);
  }

  @Handles(C.Open, G.Open)
  open(p: RoomTargetPayload, ctx: StreamsContext) {
    return this.membership.open(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.Close, G.Close)
  close(p: RoomTargetPayload, ctx: StreamsContext) {
    return this.membership.close(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.Members, G.Members)
  members(p: RoomMembersPayload, ctx: StreamsContext) {
    return this.membership.members(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.Online)
  online(p: ChannelsOnlinePayload) {
    return this.membership.online(p);
  }

  @Handles(C.AddOwner, G.AddOwner)
  addOwner(p: RoomUserPayload, ctx: StreamsContext) {
    return this.roomRoles.change(roomKindOf(ctx.getPattern()), 'owner', true, p);
  }

  @Handles(C.RemoveOwner, G.RemoveOwner)
  removeOwner(p: RoomUserPayload, ctx: StreamsContext) {
    return this.roomRoles.change(roomKindOf(ctx.getPattern()), 'owner', false, p);
  }

  @Handles(C.AddModerator, G.AddModerator)
  addModerator(p: RoomUserPayload, ctx: StreamsContext) {
    return this.roomRoles.change(roomKindOf(ctx.getPattern()), 'moderator', true, p);
  }

  @Handles(C.RemoveModerator, G.RemoveModerator)
  removeModerator(p: RoomUserPayload, ctx: StreamsContext) {
    return this.roomRoles.change(roomKindOf(ctx.getPattern()), 'moderator', false, p);
  }

  @Handles(C.AddLeader, G.AddLeader)
  addLeader(p: RoomUserPayload, ctx: StreamsContext) {
    return this.roomRoles.change(roomKindOf(ctx.getPattern()), 'leader', true, p);
  }

  @Handles(C.RemoveLeader, G.RemoveLeader)
  removeLeader(p: RoomUserPayload, ctx: StreamsContext) {
    return this.roomRoles.change(roomKindOf(ctx.getPattern()), 'leader', false, p);
  }

  @Handles(C.Roles, G.Roles)
  roles(p: RoomTargetPayload, ctx: StreamsContext) {
    return this.roomRoles.roles(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.Moderators, G.Moderators)
  moderators(p: RoomTargetPayload, ctx: StreamsContext) {
    return this.roomRoles.moderators(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(ChatPattern.IgnoreUser)
  ignoreUser(p: IgnoreUserPayload) {
    return this.membership.ignoreUser(p);
  }
}
