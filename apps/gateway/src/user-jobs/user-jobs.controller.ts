import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CurrentUser, OptionalAuth, Permissions, Public } from '@app/auth';
import { AuthUser, UserJobsPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { RouteRateLimit } from '../core/rate-limit.policy';
import { UsersDeactivateIdleDto } from './dto/users-deactivate-idle.dto';
import { UsersForgotPasswordDto } from './dto/users-forgot-password.dto';
import { UsersRegisterDto } from './dto/users-register.dto';

@Controller('api/v1')
export class UserJobsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('users.forgotPassword')
  @Public()
  forgotPassword(@Body() dto: UsersForgotPasswordDto) {
    return this.rpc.send(UserJobsPattern.ForgotPassword, { email: dto.email });
  }

  /** Public, but a logged-in caller is recognised (and refused); limited by `Rate_Limiter_Limit_RegisterUser`. */
  @Post('users.register')
  @OptionalAuth()
  @RouteRateLimit({ limitSetting: 'Rate_Limiter_Limit_RegisterUser' })
  register(@CurrentUser() caller: AuthUser | undefined, @Body() dto: UsersRegisterDto) {
    return this.rpc.send(UserJobsPattern.Register, {
      ...(caller ? { caller } : {}),
      username: dto.username,
      email: dto.email,
      pass: dto.pass,
      name: dto.name,
      secret: dto.secret,
      reason: dto.reason,
    });
  }

  @Get('users.requestDataDownload')
  requestDataDownload(@CurrentUser() caller: AuthUser, @Query('fullExport') fullExport?: string) {
    return this.rpc.send(UserJobsPattern.RequestDataDownload, { caller, fullExport: fullExport === 'true' });
  }

  @Post('users.deactivateIdle')
  @Permissions('edit-other-user-active-status')
  deactivateIdle(@CurrentUser() caller: AuthUser, @Body() dto: UsersDeactivateIdleDto) {
    return this.rpc.send(UserJobsPattern.DeactivateIdle, { caller, daysIdle: dto.daysIdle, role: dto.role });
  }
}
