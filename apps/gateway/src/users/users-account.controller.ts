import { Controller, Get, Post } from '@nestjs/common';
import { CurrentUser, Permissions, Public } from '@app/auth';
import { AuthUser, UsersPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { isTrue, ValidBody, ValidQuery } from '@app/validation';
import { RouteRateLimit } from '../platform/rate-limit.policy';
import {
  UsersEmailDto,
  UsersForgotPasswordDto,
  UsersRegisterDto,
  UsersRequestDataDownloadDto,
} from './dto/users-account.dto';

/** Registering, account e-mails, recovering a password, and downloading one's data. */
@Controller('api/v1')
export class UsersAccountController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('users.forgotPassword')
  @Public()
  forgotPassword(@ValidBody(UsersForgotPasswordDto) dto: UsersForgotPasswordDto) {
    return this.rpc.send(UsersPattern.ForgotPassword, dto);
  }

  /**
   * Public: as in Rocket.Chat (`authRequired: false`), credentials sent along are not even looked at, so a
   * logged-in client registers a new account like anyone else. Limited by `Rate_Limiter_Limit_RegisterUser`.
   */
  @Post('users.register')
  @Public()
  @RouteRateLimit({ limitSetting: 'Rate_Limiter_Limit_RegisterUser' })
  register(@ValidBody(UsersRegisterDto) dto: UsersRegisterDto) {
    return this.rpc.send(UsersPattern.Register, dto);
  }

  @Get('users.requestDataDownload')
  requestDataDownload(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(UsersRequestDataDownloadDto) dto: UsersRequestDataDownloadDto,
  ) {
    return this.rpc.send(UsersPattern.RequestDataDownload, { caller, fullExport: isTrue(dto.fullExport) });
  }

  @Post('users.sendConfirmationEmail')
  sendConfirmationEmail(@CurrentUser() caller: AuthUser, @ValidBody(UsersEmailDto) dto: UsersEmailDto) {
    return this.rpc.send(UsersPattern.SendConfirmationEmail, { caller, ...dto });
  }

  @Post('users.sendWelcomeEmail')
  @Permissions('send-mail')
  sendWelcomeEmail(@CurrentUser() caller: AuthUser, @ValidBody(UsersEmailDto) dto: UsersEmailDto) {
    return this.rpc.send(UsersPattern.SendWelcomeEmail, { caller, ...dto });
  }
}
