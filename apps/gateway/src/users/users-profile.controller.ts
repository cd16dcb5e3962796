import { Controller, Get, Post } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, UsersProfilePattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { NoParams, ValidBody, ValidQuery } from '@app/validation';
import {
  UsersGetPresenceDto,
  UsersGetStatusDto,
  UsersPresenceDto,
  UsersSetPreferencesDto,
  UsersSetStatusDto,
} from './dto/users-profile.dto';

/** Presence and status, preferences and username suggestions. */
@Controller('api/v1')
export class UsersProfileController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('users.presence')
  presence(@CurrentUser() caller: AuthUser, @ValidQuery(UsersPresenceDto) { from, ids }: UsersPresenceDto) {
    const list = (Array.isArray(ids) ? ids : (ids?.split(',') ?? [])).map((id) => id.trim()).filter(Boolean);
    return this.rpc.send(UsersProfilePattern.Presence, { caller, from, ...(list.length ? { ids: list } : {}) });
  }

  @Get('users.getPresence')
  getPresence(@CurrentUser() caller: AuthUser, @ValidQuery(UsersGetPresenceDto) dto: UsersGetPresenceDto) {
    return this.rpc.send(UsersProfilePattern.GetPresence, { caller, ...dto });
  }

  @Get('users.getPreferences')
  getPreferences(@CurrentUser() caller: AuthUser, @ValidQuery(NoParams) _: object) {
    return this.rpc.send(UsersProfilePattern.GetPreferences, { caller });
  }

  @Post('users.setPreferences')
  setPreferences(@CurrentUser() caller: AuthUser, @ValidBody(UsersSetPreferencesDto) dto: UsersSetPreferencesDto) {
    return this.rpc.send(UsersProfilePattern.SetPreferences, { caller, ...dto });
  }

  @Get('users.getUsernameSuggestion')
  usernameSuggestion(@CurrentUser() caller: AuthUser, @ValidQuery(NoParams) _: object) {
    return this.rpc.send(UsersProfilePattern.GetUsernameSuggestion, { caller });
  }

  @Post('users.setStatus')
  setStatus(@CurrentUser() caller: AuthUser, @ValidBody(UsersSetStatusDto) dto: UsersSetStatusDto) {
    return this.rpc.send(UsersProfilePattern.SetStatus, { caller, ...dto });
  }

  @Get('users.getStatus')
  getStatus(@CurrentUser() caller: AuthUser, @ValidQuery(UsersGetStatusDto) dto: UsersGetStatusDto) {
    return this.rpc.send(UsersProfilePattern.GetStatus, { caller, ...dto });
  }
}
