import { Controller, Get, Post } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, HIDDEN_USER_FIELDS, USERS_LIST_QUERY_FIELDS, UsersPattern } from '@app/contracts';
import { parseFields } from '@app/paging';
import { RpcClient } from '@app/transport';
import { isTrue, ValidBody, ValidQuery } from '@app/validation';
import { PagingParser } from '../platform/paging.parser';
import { UsersCreateDto } from './dto/users-create.dto';
import { UsersInfoDto } from './dto/users-info.dto';
import { UsersListDto } from './dto/users-list.dto';

/** users.create, users.info, users.list */
@Controller('api/v1')
export class UsersController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly paging: PagingParser,
  ) {}

  @Post('users.create')
  create(@CurrentUser() caller: AuthUser, @ValidBody(UsersCreateDto) dto: UsersCreateDto) {
    return this.rpc.send(UsersPattern.Create, { caller, ...dto });
  }

  @Get('users.info')
  info(@CurrentUser() caller: AuthUser, @ValidQuery(UsersInfoDto) { includeUserRooms, fields, ...user }: UsersInfoDto) {
    return this.rpc.send(UsersPattern.Info, {
      caller,
      ...user,
      includeUserRooms: isTrue(includeUserRooms),
      fields: parseFields(fields, { hiddenFields: HIDDEN_USER_FIELDS }),
    });
  }

  @Get('users.list')
  async list(@CurrentUser() caller: AuthUser, @ValidQuery(UsersListDto) dto: UsersListDto) {
    const page = await this.paging.page(dto, {
      hiddenFields: HIDDEN_USER_FIELDS,
      queryFields: USERS_LIST_QUERY_FIELDS,
    });
    return this.rpc.send(UsersPattern.List, { caller, page });
  }
}
