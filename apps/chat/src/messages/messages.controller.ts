import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { ChatPattern, HistoryPayload, PostMessagePayload } from '@app/contracts';
import { StreamsContext } from '@app/transport';
import { MessagesService } from './messages.service';

@Controller()
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @MessagePattern(ChatPattern.PostMessage)
  postMessage(@Payload() p: PostMessagePayload, @Ctx() ctx: StreamsContext) {
    return this.messages.postMessage(p, ctx.getRequestId());
  }

  @MessagePattern(ChatPattern.ChannelsHistory)
  history(@Payload() p: HistoryPayload) {
    return this.messages.history(p);
  }
}
