import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DeactivateIdlePayload,
  ForgotPasswordPayload,
  RegisterPayload,
  RequestDataDownloadPayload,
  UserJobsPattern,
} from '@app/contracts';
import { DataDownloadService } from './data-download.service';
import { IdleUsersService } from './idle-users.service';
import { PasswordResetService } from './password-reset.service';
import { RegistrationService } from './registration.service';

@Controller()
export class UserJobsController {
  constructor(
    private readonly passwordReset: PasswordResetService,
    private readonly registration: RegistrationService,
    private readonly downloads: DataDownloadService,
    private readonly idleUsers: IdleUsersService,
  ) {}

  @MessagePattern(UserJobsPattern.ForgotPassword)
  forgotPassword(@Payload() p: ForgotPasswordPayload) {
    return this.passwordReset.forgotPassword(p);
  }

  @MessagePattern(UserJobsPattern.Register)
  register(@Payload() p: RegisterPayload) {
    return this.registration.register(p);
  }

  @MessagePattern(UserJobsPattern.RequestDataDownload)
  requestDataDownload(@Payload() p: RequestDataDownloadPayload) {
    return this.downloads.request(p);
  }

  @MessagePattern(UserJobsPattern.DeactivateIdle)
  deactivateIdle(@Payload() p: DeactivateIdlePayload) {
    return this.idleUsers.deactivateIdle(p);
  }
}
