import { Controller, Get, Post } from '@nestjs/common';
import { CurrentUser, OptionalAuth, Public } from '@app/auth';
import { AuthUser, UsersPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { isTrue, ValidBody, ValidQuery } from '@app/validation';
import { RouteRateLimit } from '../platform/rate-limit.policy';
import { UsersForgotPasswordDto, UsersRegisterDto, UsersRequestDataDownloadDto } from './dto/users-account.dto';

/** Registering, recovering a password, and downloading one's data. */
@Controller('api/v1')
export class UsersAccountController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('users.forgotPassword')
  @Public()
  forgotPassword(@ValidBody(UsersForgotPasswordDto) dto: UsersForgotPasswordDto) {
    return this.rpc.send(UsersPattern.ForgotPassword, dto);
  }

  /** Public, but a logged-in caller is recognised (and refused); limited by `Rate_Limiter_Limit_RegisterUser`. */
  @Post('users.register')
  @OptionalAuth()
  @RouteRateLimit({ limitSetting: 'Rate_Limiter_Limit_RegisterUser' })
  register(@CurrentUser() caller: AuthUser | undefined, @ValidBody(UsersRegisterDto) dto: UsersRegisterDto) {
    return this.rpc.send(UsersPattern.Register, { ...(caller ? { caller } : {}), ...dto });
  }

  @Get('users.requestDataDownload')
  requestDataDownload(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(UsersRequestDataDownloadDto) dto: UsersRequestDataDownloadDto,
  ) {
    return this.rpc.send(UsersPattern.RequestDataDownload, { caller, fullExport: isTrue(dto.fullExport) });
  }
}
