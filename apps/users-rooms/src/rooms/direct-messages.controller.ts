import { Controller } from '@nestjs/common';
import {
  ImCreatePayload,
  ImMembersPayload,
  ImPattern,
  ImResolvePayload,
  ImSetTopicPayload,
  ImTargetPayload,
  ListPayload,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { Handles } from '@app/transport';
import { DirectMessagesService } from './direct-messages.service';

/** im.* (and dm.*): direct message rooms, their members and lists; chat asks `im.resolve` for DMs by username. */
@Controller()
export class DirectMessagesController {
  constructor(private readonly dms: DirectMessagesService) {}

  @Handles(ImPattern.Create)
  create(p: ImCreatePayload) {
    return this.dms.create(p);
  }

  @Handles(ImPattern.Open)
  open(p: ImTargetPayload) {
    return this.dms.open(p);
  }

  @Handles(ImPattern.Close)
  close(p: ImTargetPayload) {
    return this.dms.close(p);
  }

  @Handles(ImPattern.SetTopic)
  setTopic(p: ImSetTopicPayload) {
    return this.dms.setTopic(p);
  }

  @Handles(ImPattern.Members)
  members(p: ImMembersPayload) {
    return this.dms.members(p);
  }

  @Handles(ImPattern.List)
  list(p: ListPayload) {
    return this.dms.list(p);
  }

  @Handles(ImPattern.ListEveryone)
  listEveryone(p: ListPayload) {
    return this.dms.listEveryone(p);
  }

  @Handles(ImPattern.Resolve)
  async resolve(p: ImResolvePayload) {
    const room = await this.dms.directRoomFor(p.caller, p.username);
    if (!room) {
      throw RcError.failure('invalid-channel');
    }
    return { rid: room._id };
  }
}
