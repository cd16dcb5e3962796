import { Controller, Get, Post } from '@nestjs/common';
import { CurrentUser, Permissions } from '@app/auth';
import { AuthUser, HIDDEN_USER_FIELDS, USERS_LIST_QUERY_FIELDS, UsersPattern } from '@app/contracts';
import { parseFields, parseQuery } from '@app/paging';
import { RpcClient } from '@app/transport';
import { isTrue, ValidBody, ValidQuery } from '@app/validation';
import { PagingParser } from '../platform/paging.parser';
import { UsersCreateDto } from './dto/users-create.dto';
import {
  parseAutocompleteSelector,
  UsersAutocompleteDto,
  UsersCheckUsernameAvailabilityDto,
  UsersListByStatusDto,
  UsersListTeamsDto,
} from './dto/users-directory.dto';
import { UsersInfoDto } from './dto/users-info.dto';
import { UsersListDto } from './dto/users-list.dto';

/** users.create, users.info, users.list, and finding users: by status, autocomplete, free usernames, teams. */
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

  @Get('users.listByStatus')
  @Permissions('view-d-room')
  async listByStatus(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(UsersListByStatusDto) { offset, count, sort, ...filters }: UsersListByStatusDto,
  ) {
    const page = await this.paging.page({ offset, count, sort }, { hiddenFields: HIDDEN_USER_FIELDS });
    return this.rpc.send(UsersPattern.ListByStatus, {
      caller,
      ...filters,
      offset: page.offset,
      count: page.count,
      ...(page.sort ? { sort: page.sort } : {}),
    });
  }

  /** `selector.conditions` may use `$or` / `$and` and the allow-listed operators on users.list's fields. */
  @Get('users.autocomplete')
  autocomplete(@CurrentUser() caller: AuthUser, @ValidQuery(UsersAutocompleteDto) { selector }: UsersAutocompleteDto) {
    const parsed = parseAutocompleteSelector(selector);
    const conditions = parsed.conditions
      ? parseQuery(JSON.stringify(parsed.conditions), {
          queryFields: USERS_LIST_QUERY_FIELDS,
          hiddenFields: HIDDEN_USER_FIELDS,
        })
      : undefined;
    return this.rpc.send(UsersPattern.Autocomplete, { caller, selector: { ...parsed, conditions } });
  }

  @Get('users.checkUsernameAvailability')
  checkUsernameAvailability(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(UsersCheckUsernameAvailabilityDto) dto: UsersCheckUsernameAvailabilityDto,
  ) {
    return this.rpc.send(UsersPattern.CheckUsernameAvailability, { caller, ...dto });
  }

  @Get('users.listTeams')
  listTeams(@CurrentUser() caller: AuthUser, @ValidQuery(UsersListTeamsDto) dto: UsersListTeamsDto) {
    return this.rpc.send(UsersPattern.ListTeams, { caller, ...dto });
  }
}
