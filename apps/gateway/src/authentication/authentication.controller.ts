import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { CurrentUser, Public } from '@app/auth';
import { AuthenticationPattern, AuthUser, TwoFactorInput } from '@app/contracts';
import { RawResponse } from '@app/envelope';
import { RpcClient } from '@app/transport';
import { NoParams, ValidQuery } from '@app/validation';
import { TwoFactor } from '../platform/two-factor.decorator';

/** login, logout, me. */
@Controller('api/v1')
export class AuthenticationController {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * Every body form of CONVENTIONS §4; the body goes to users-rooms as received (any other key makes Rocket.Chat
   * pass it to its login handlers untouched, so there is no schema to refuse it here).
   */
  @Post('login')
  @Public()
  @HttpCode(200)
  @RawResponse()
  async login(@Body() body: unknown, @Ip() ip: string, @TwoFactor() { code }: TwoFactorInput) {
    const data = await this.rpc.send(AuthenticationPattern.Login, {
      body: body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {},
      ip,
      ...(code ? { twoFactorCode: code } : {}),
    });
    return { status: 'success', data, success: true };
  }

  @Post('logout')
  @HttpCode(200)
  @RawResponse()
  logout(@CurrentUser() user: AuthUser) {
    return this.doLogout(user);
  }

  /** Deprecated by Rocket.Chat, still answered. */
  @Get('logout')
  @RawResponse()
  logoutGet(@CurrentUser() user: AuthUser) {
    return this.doLogout(user);
  }

  private async doLogout(user: AuthUser) {
    const data = await this.rpc.send(AuthenticationPattern.Logout, { caller: user });
    return { status: 'success', data, success: true };
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser, @ValidQuery(NoParams) _: object) {
    return this.rpc.send(AuthenticationPattern.Me, { caller: user });
  }
}
