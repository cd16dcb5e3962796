import { Body, Controller, Get, Post } from '@nestjs/common';
import { CurrentUser, Permissions } from '@app/auth';
import { AccountsPattern, AuthUser } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { CreateTokenDto } from './dto/create-token.dto';
import { GeneratePersonalAccessTokenDto, PersonalAccessTokenNameDto } from './dto/personal-access-token.dto';

/**
 * Personal access tokens and users.createToken. Rocket.Chat flags the PAT writes `twoFactorRequired`; this
 * backend has no second factor yet, so they behave as Rocket.Chat does with 2FA skipped (TEST_MODE).
 */
@Controller('api/v1')
export class AccountsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('users.generatePersonalAccessToken')
  generatePersonalAccessToken(@CurrentUser() caller: AuthUser, @Body() dto: GeneratePersonalAccessTokenDto) {
    return this.rpc.send(AccountsPattern.GeneratePersonalAccessToken, { caller, ...dto });
  }

  @Post('users.regeneratePersonalAccessToken')
  regeneratePersonalAccessToken(@CurrentUser() caller: AuthUser, @Body() dto: PersonalAccessTokenNameDto) {
    return this.rpc.send(AccountsPattern.RegeneratePersonalAccessToken, { caller, ...dto });
  }

  @Post('users.removePersonalAccessToken')
  removePersonalAccessToken(@CurrentUser() caller: AuthUser, @Body() dto: PersonalAccessTokenNameDto) {
    return this.rpc.send(AccountsPattern.RemovePersonalAccessToken, { caller, ...dto });
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
