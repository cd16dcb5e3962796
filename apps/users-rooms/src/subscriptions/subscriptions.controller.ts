import { Controller } from '@nestjs/common';
import {
  SubscriptionsGetOnePayload,
  SubscriptionsPattern,
  SubscriptionsReadPayload,
  SubscriptionsUnreadPayload,
  SyncPayload,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { SubscriptionsService } from './subscriptions.service';

/** subscriptions.*: the caller's memberships and their unread state. */
@Controller()
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Handles(SubscriptionsPattern.Get)
  get(p: SyncPayload) {
    return this.subscriptions.get(p);
  }

  @Handles(SubscriptionsPattern.GetOne)
  getOne(p: SubscriptionsGetOnePayload) {
    return this.subscriptions.getOne(p);
  }

  @Handles(SubscriptionsPattern.Read)
  read(p: SubscriptionsReadPayload) {
    return this.subscriptions.read(p);
  }

  @Handles(SubscriptionsPattern.Unread)
  unread(p: SubscriptionsUnreadPayload) {
    return this.subscriptions.unread(p);
  }
}
