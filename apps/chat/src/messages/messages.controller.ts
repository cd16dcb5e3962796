import { Controller } from '@nestjs/common';
import { ChatPattern, PostMessagePayload } from '@app/contracts';
import { Handles, StreamsContext } from '@app/transport';
import { MessagesService } from './messages.service';

@Controller()
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Handles(ChatPattern.PostMessage)
  postMessage(p: PostMessagePayload, ctx: StreamsContext) {
    return this.messages.postMessage(p, ctx.getRequestId());
  }
}
