import { Body, Controller, Post } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, ChatPattern } from '@app/contracts';
import { RcError } from '@app/envelope';
import { RpcClient } from '@app/transport';
import { PostMessageDto } from './dto/post-message.dto';

function isTarget(v: unknown): boolean {
  return typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
}

@Controller('api/v1')
export class ChatController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('chat.postMessage')
  postMessage(@CurrentUser() caller: AuthUser, @Body() dto: PostMessageDto) {
    if (dto.roomId === undefined && dto.channel === undefined) {
      throw RcError.invalidParams(
        "must have required property 'roomId'\n must have required property 'channel'\n must match exactly one schema in oneOf",
      );
    }
    if ((dto.roomId !== undefined && !isTarget(dto.roomId)) || (dto.channel !== undefined && !isTarget(dto.channel))) {
      throw RcError.invalidParams('must be string');
    }
    return this.rpc.send(ChatPattern.PostMessage, {
      caller,
      roomId: dto.roomId,
      channel: dto.channel,
      text: dto.text,
      alias: dto.alias,
      emoji: dto.emoji,
      avatar: dto.avatar,
      attachments: dto.attachments,
    });
  }
}
