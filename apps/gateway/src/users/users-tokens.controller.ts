import { Controller, Get, Headers, Post } from '@nestjs/common';
import { CurrentUser, Permissions } from '@app/auth';
import { AuthUser, TwoFactorInput, UsersTokensPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { NoParams, ValidBody, ValidQuery } from '@app/validation';
import { TwoFactor } from '../platform/two-factor.decorator';
import {
  CreateTokenDto,
  GeneratePersonalAccessTokenDto,
  PersonalAccessTokenNameDto,
  UsersLogoutDto,
} from './dto/users-tokens.dto';

/**
 * Personal access tokens, users.createToken, and ending sessions (users.logout, users.logoutOtherClients,
 * users.removeOtherTokens). The PAT writes are `twoFactorRequired` in Rocket.Chat: the
 * second factor goes to the service, which asks for it as users.update does.
 */
@Controller('api/v1')
export class UsersTokensController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('users.generatePersonalAccessToken')
  generatePersonalAccessToken(
    @CurrentUser() caller: AuthUser,
    @ValidBody(GeneratePersonalAccessTokenDto) dto: GeneratePersonalAccessTokenDto,
    @TwoFactor() twoFactor: TwoFactorInput,
  ) {
    return this.rpc.send(UsersTokensPattern.GeneratePersonalAccessToken, { caller, ...dto, twoFactor });
  }

  @Post('users.regeneratePersonalAccessToken')
  regeneratePersonalAccessToken(
    @CurrentUser() caller: AuthUser,
    @ValidBody(PersonalAccessTokenNameDto) dto: PersonalAccessTokenNameDto,
    @TwoFactor() twoFactor: TwoFactorInput,
  ) {
    return this.rpc.send(UsersTokensPattern.RegeneratePersonalAccessToken, { caller, ...dto, twoFactor });
  }

  @Post('users.removePersonalAccessToken')
  removePersonalAccessToken(
    @CurrentUser() caller: AuthUser,
    @ValidBody(PersonalAccessTokenNameDto) dto: PersonalAccessTokenNameDto,
    @TwoFactor() twoFactor: TwoFactorInput,
  ) {
    return this.rpc.send(UsersTokensPattern.RemovePersonalAccessToken, { caller, ...dto, twoFactor });
  }

  /** 7.x declares the permission on the route, so a refusal is 403 (5.x answered 400 `not-authorized`). */
  @Get('users.getPersonalAccessTokens')
  @Permissions('create-personal-access-tokens')
  getPersonalAccessTokens(@CurrentUser() caller: AuthUser, @ValidQuery(NoParams) _: object) {
    return this.rpc.send(UsersTokensPattern.GetPersonalAccessTokens, { caller });
  }

  @Post('users.createToken')
  createToken(@CurrentUser() caller: AuthUser, @ValidBody(CreateTokenDto) dto: CreateTokenDto) {
    return this.rpc.send(UsersTokensPattern.CreateToken, { caller, ...dto });
  }

  @Post('users.logout')
  logout(@CurrentUser() caller: AuthUser, @ValidBody(UsersLogoutDto) dto: UsersLogoutDto) {
    return this.rpc.send(UsersTokensPattern.Logout, { caller, ...dto });
  }

  /** Answers with the caller's own token (which never leaves the gateway) and when it expires. */
  @Post('users.logoutOtherClients')
  async logoutOtherClients(
    @CurrentUser() caller: AuthUser,
    @Headers('x-auth-token') token: string,
    @ValidBody(NoParams) _: object,
  ) {
    const { tokenExpires } = await this.rpc.send(UsersTokensPattern.LogoutOtherClients, { caller });
    return { token, tokenExpires };
  }

  @Post('users.removeOtherTokens')
  removeOtherTokens(@CurrentUser() caller: AuthUser, @ValidBody(NoParams) _: object) {
    return this.rpc.send(UsersTokensPattern.RemoveOtherTokens, { caller });
  }
}
