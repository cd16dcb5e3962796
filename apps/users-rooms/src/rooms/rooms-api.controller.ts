import { Controller } from '@nestjs/common';
import {
  AdminRoomsPayload,
  CallerPayload,
  CreateDiscussionPayload,
  FavoritePayload,
  RoomRef,
  RoomsGetDiscussionsPayload,
  RoomsInfoPayload,
  RoomsPattern,
  SaveNotificationPayload,
  SyncPayload,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { DiscussionsService } from './discussions.service';
import { RoomNotificationsService } from './room-notifications.service';
import { RoomsApiService } from './rooms-api.service';

/** rooms.*: rooms of any type (the message endpoint rooms.cleanHistory is chat's). */
@Controller()
export class RoomsApiController {
  constructor(
    private readonly rooms: RoomsApiService,
    private readonly discussions: DiscussionsService,
    private readonly notifications: RoomNotificationsService,
  ) {}

  @Handles(RoomsPattern.AdminRooms)
  adminRooms(p: AdminRoomsPayload) {
    return this.rooms.adminRooms(p);
  }

  @Handles(RoomsPattern.Get)
  get(p: SyncPayload) {
    return this.rooms.get(p);
  }

  @Handles(RoomsPattern.Info)
  info(p: RoomsInfoPayload) {
    return this.rooms.info(p);
  }

  @Handles(RoomsPattern.Leave)
  leave(p: CallerPayload & RoomRef) {
    return this.rooms.leave(p);
  }

  @Handles(RoomsPattern.Favorite)
  favorite(p: FavoritePayload) {
    return this.rooms.favorite(p);
  }

  @Handles(RoomsPattern.SaveNotification)
  saveNotification(p: SaveNotificationPayload) {
    return this.notifications.save(p);
  }

  @Handles(RoomsPattern.CreateDiscussion)
  createDiscussion(p: CreateDiscussionPayload) {
    return this.discussions.create(p);
  }

  @Handles(RoomsPattern.GetDiscussions)
  getDiscussions(p: RoomsGetDiscussionsPayload) {
    return this.discussions.list(p);
  }
}
