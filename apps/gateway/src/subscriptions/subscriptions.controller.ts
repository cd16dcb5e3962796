import { Controller, Get, Post } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, SubscriptionsPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { ValidBody, ValidQuery } from '@app/validation';
import {
  SubscriptionsGetDto,
  SubscriptionsGetOneDto,
  SubscriptionsReadDto,
  SubscriptionsUnreadDto,
} from './dto/subscriptions.dto';

/** The caller's subscriptions: the sync list, one by room, and marking rooms read or unread. */
@Controller('api/v1')
export class SubscriptionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('subscriptions.get')
  get(@CurrentUser() caller: AuthUser, @ValidQuery(SubscriptionsGetDto) dto: SubscriptionsGetDto) {
    return this.rpc.send(SubscriptionsPattern.Get, { caller, ...dto });
  }

  @Get('subscriptions.getOne')
  getOne(@CurrentUser() caller: AuthUser, @ValidQuery(SubscriptionsGetOneDto) dto: SubscriptionsGetOneDto) {
    return this.rpc.send(SubscriptionsPattern.GetOne, { caller, ...dto });
  }

  @Post('subscriptions.read')
  read(@CurrentUser() caller: AuthUser, @ValidBody(SubscriptionsReadDto) dto: SubscriptionsReadDto) {
    return this.rpc.send(SubscriptionsPattern.Read, { caller, ...dto });
  }

  @Post('subscriptions.unread')
  unread(@CurrentUser() caller: AuthUser, @ValidBody(SubscriptionsUnreadDto) dto: SubscriptionsUnreadDto) {
    return this.rpc.send(SubscriptionsPattern.Unread, { caller, ...dto });
  }
}
