import { Controller } from '@nestjs/common';
import {
  CountersPayload,
  HistoryPayload,
  ImFilesPayload,
  ImMessagesOthersPayload,
  ImMessagesPayload,
  ImPattern,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { DirectRoomMessagesService } from './direct-messages.service';

/** The message endpoints of im.* / dm.* (the DM rooms are users-rooms'; their messages are chat's). */
@Controller()
export class DirectMessagesController {
  constructor(private readonly dms: DirectRoomMessagesService) {}

  @Handles(ImPattern.History)
  history(p: HistoryPayload) {
    return this.dms.history(p);
  }

  @Handles(ImPattern.Messages)
  messages(p: ImMessagesPayload) {
    return this.dms.messages(p);
  }

  @Handles(ImPattern.Files)
  files(p: ImFilesPayload) {
    return this.dms.files(p);
  }

  @Handles(ImPattern.Counters)
  counters(p: CountersPayload) {
    return this.dms.counters(p);
  }

  @Handles(ImPattern.MessagesOthers)
  messagesOthers(p: ImMessagesOthersPayload) {
    return this.dms.messagesOthers(p);
  }
}
