import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, USERS_LIST_QUERY_FIELDS, UsersRoomsPattern } from '@app/contracts';
import { parseFields, RawPaging } from '@app/paging';
import { RpcClient } from '@app/transport';
import { PagingParser } from '../core/paging.parser';
import { UsersCreateDto } from './dto/users-create.dto';

const HIDDEN_USER_FIELDS = ['services', 'e2e', 'inviteToken'];

@Controller('api/v1')
export class UsersController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly paging: PagingParser,
  ) {}

  @Post('users.create')
  create(@CurrentUser() caller: AuthUser, @Body() dto: UsersCreateDto) {
    return this.rpc.send(UsersRoomsPattern.UsersCreate, { caller, ...dto });
  }

  @Get('users.info')
  info(@CurrentUser() caller: AuthUser, @Query() q: Record<string, string | undefined>) {
    return this.rpc.send(UsersRoomsPattern.UsersInfo, {
      caller,
      userId: q.userId,
      username: q.username ?? q.user,
      includeUserRooms: q.includeUserRooms === 'true',
      fields: parseFields(q.fields, { hiddenFields: HIDDEN_USER_FIELDS }),
    });
  }

  @Get('users.list')
  async list(@CurrentUser() caller: AuthUser, @Query() q: RawPaging) {
    const page = await this.paging.page(q, { hiddenFields: HIDDEN_USER_FIELDS, queryFields: USERS_LIST_QUERY_FIELDS });
    return this.rpc.send(UsersRoomsPattern.UsersList, { caller, page });
  }
}
