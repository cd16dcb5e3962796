import { Body, Controller, Get, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { CurrentUser, Public } from '@app/auth';
import { AuthUser, UsersRoomsPattern } from '@app/contracts';
import { RawResponse } from '@app/envelope';
import { RpcClient } from '@app/transport';

@Controller('api/v1')
export class AuthController {
  constructor(private readonly rpc: RpcClient) {}

  /** Every body form of CONVENTIONS §4; the body goes to users-rooms as received. */
  @Post('login')
  @Public()
  @HttpCode(200)
  @RawResponse()
  async login(@Body() body: unknown, @Ip() ip: string, @Headers('x-2fa-code') code?: string) {
    const data = await this.rpc.send(UsersRoomsPattern.Login, {
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
    const data = await this.rpc.send(UsersRoomsPattern.Logout, { caller: user });
    return { status: 'success', data, success: true };
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return this.rpc.send(UsersRoomsPattern.Me, { caller: user });
  }
}
