import { Controller } from '@nestjs/common';
import {
  AuthenticationPattern,
  CallerPayload,
  ForgotPasswordPayload,
  InternalPattern,
  LoginPayload,
  ResolveTokenPayload,
  UsersPattern,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { AuthService } from './auth.service';
import { PasswordResetService } from './password-reset.service';

/** Logging in and out, the gateway's token look-up, and password recovery. */
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  @Handles(AuthenticationPattern.Login)
  login(p: LoginPayload) {
    return this.auth.login(p);
  }

  @Handles(AuthenticationPattern.Logout)
  logout(p: CallerPayload) {
    return this.auth.logout(p.caller);
  }

  @Handles(InternalPattern.ResolveToken)
  resolveToken(p: ResolveTokenPayload) {
    return this.auth.resolveToken(p.userId, p.hashedToken);
  }

  @Handles(UsersPattern.ForgotPassword)
  forgotPassword(p: ForgotPasswordPayload) {
    return this.passwordReset.forgotPassword(p);
  }
}
