import { Controller, Post } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, ChatPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { ValidBody } from '@app/validation';
import { ChatPostMessageDto } from './dto/chat.dto';

@Controller('api/v1')
export class ChatController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('chat.postMessage')
  postMessage(@CurrentUser() caller: AuthUser, @ValidBody(ChatPostMessageDto) dto: ChatPostMessageDto) {
    return this.rpc.send(ChatPattern.PostMessage, { caller, ...dto });
  }
}
