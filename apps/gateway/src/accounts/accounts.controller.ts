import { Body, Controller, Get, Headers, Post } from '@nestjs/common';
import { CurrentUser, Permissions } from '@app/auth';
import { AccountsPattern, AuthUser } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { CreateTokenDto } from './dto/create-token.dto';
import { GeneratePersonalAccessTokenDto, PersonalAccessTokenNameDto } from './dto/personal-access-token.dto';

/**
 * Personal access tokens and users.createToken. The PAT writes are `twoFactorRequired` in Rocket.Chat: the
 * `x-2fa-code` / `x-2fa-method` headers go to the service, which asks for them as users.update does.
 */
@Controller('api/v1')
export class AccountsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('users.generatePersonalAccessToken')
  generatePersonalAccessToken(
    @CurrentUser() caller: AuthUser,
    @Body() dto: GeneratePersonalAccessTokenDto,
    @Headers('x-2fa-code') code?: string,
    @Headers('x-2fa-method') method?: string,
  ) {
    return this.rpc.send(AccountsPattern.GeneratePersonalAccessToken, { caller, ...dto, twoFactor: { code, method } });
  }

  @Post('users.regeneratePersonalAccessToken')
  regeneratePersonalAccessToken(
    @CurrentUser() caller: AuthUser,
    @Body() dto: PersonalAccessTokenNameDto,
    @Headers('x-2fa-code') code?: string,
    @Headers('x-2fa-method') method?: string,
  ) {
    return this.rpc.send(AccountsPattern.RegeneratePersonalAccessToken, {
      caller,
      ...dto,
      twoFactor: { code, method },
    });
  }

  @Post('users.removePersonalAccessToken')
  removePersonalAccessToken(
    @CurrentUser() caller: AuthUser,
    @Body() dto: PersonalAccessTokenNameDto,
    @Headers('x-2fa-code') code?: string,
    @Headers('x-2fa-method') method?: string,
  ) {
    return this.rpc.send(AccountsPattern.RemovePersonalAccessToken, { caller, ...dto, twoFactor: { code, method } });
  }

  /** 7.x declares the permission on the route, so a refusal is 403 (5.x answered 400 `not-authorized`). */
  @Get('users.getPersonalAccessTokens')
  @Permissions('create-personal-access-tokens')
  getPersonalAccessTokens(@CurrentUser() caller: AuthUser) {
    return this.rpc.send(AccountsPattern.GetPersonalAccessTokens, { caller });
  }

  @Post('users.createToken')
  createToken(@CurrentUser() caller: AuthUser, @Body() dto: CreateTokenDto) {
    return this.rpc.send(AccountsPattern.CreateToken, { caller, ...dto });
  }
}
