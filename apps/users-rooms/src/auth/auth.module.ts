import { Global, Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { SecondFactorCheck } from '../common/second-factor.port';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CreateTokenService } from './create-token.service';
import { LoginAttemptsService } from './login-attempts/login-attempts.service';
import { OAuthLoginService } from './oauth/oauth-login.service';
import { PasswordResetService } from './password-reset.service';
import { PersonalAccessTokensService } from './personal-access-tokens.service';
import { SessionsService } from './sessions.service';
import { TokensController } from './tokens.controller';
import { TwoFactorService } from './two-factor.service';

/**
 * Credentials: login in every form (password, resume token, OAuth access tokens) with failed-login blocking,
 * logout, the gateway's token look-up, personal access tokens, users.createToken, password recovery, and the
 * second factor (offered to the users context as `SecondFactorCheck`).
 */
@Global()
@Module({
  imports: [UsersModule, MailModule],
  controllers: [AuthController, TokensController],
  providers: [
    AuthService,
    LoginAttemptsService,
    OAuthLoginService,
    PersonalAccessTokensService,
    CreateTokenService,
    PasswordResetService,
    TwoFactorService,
    SessionsService,
    { provide: SecondFactorCheck, useExisting: TwoFactorService },
  ],
  exports: [SecondFactorCheck],
})
export class AuthModule {}
