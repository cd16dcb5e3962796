import { Inject, Injectable } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import { AuthUser, TwoFactorInput } from '@app/contracts';
import { RcError } from '@app/envelope';
import { SettingsService } from '../settings/settings.service';
import { decideTwoFactor } from './rules/two-factor';
import { SecondFactorCheck } from '../common/second-factor.port';
import { UsersRepository } from '../users/users.repository';

/**
 * The second factor Rocket.Chat asks on sensitive routes (`x-2fa-code` + `x-2fa-method`) and on e-mail or
 * password changes (`currentPassword`). The method offered here is `password`: the code is the SHA-256 hex of
 * the password. A success is remembered on the login token for `Accounts_TwoFactorAuthentication_RememberFor`.
 */
@Injectable()
export class TwoFactorService extends SecondFactorCheck {
  constructor(
    private readonly users: UsersRepository,
    @Inject(APP_ENV) private readonly env: UsersRoomsEnv,
    private readonly settings: SettingsService,
  ) {
    super();
  }

  async check(caller: AuthUser, input: TwoFactorInput | undefined, requireSecondFactor: boolean): Promise<void> {
    const s = await this.settings.getMany([
      'Accounts_TwoFactorAuthentication_Enabled',
      'Accounts_TwoFactorAuthentication_RememberFor',
      'Accounts_TwoFactorAuthentication_Enforce_Password_Fallback',
    ]);
    const user = await this.users.findById(caller._id, {
      createdAt: 1,
      'services.password.bcrypt': 1,
      'services.resume.loginTokens': 1,
    });
    const hash = user?.services?.password?.bcrypt;
    const token = user?.services?.resume?.loginTokens?.find((t) => t.hashedToken === caller.hashedToken);
    const rememberFor = Number(s.Accounts_TwoFactorAuthentication_RememberFor ?? 1800);
    const decision = decideTwoFactor({
      enabled: s.Accounts_TwoFactorAuthentication_Enabled !== false,
      testMode: this.env.TEST_MODE,
      requireSecondFactor,
      token,
      userCreatedAt: user?.createdAt,
      rememberForSeconds: rememberFor,
      passwordMethodAvailable: !!hash && s.Accounts_TwoFactorAuthentication_Enforce_Password_Fallback !== false,
      code: input?.code,
      now: new Date(),
    });
    switch (decision.kind) {
      case 'pass':
        return;
      case 'required':
        throw RcError.failure('totp-required', 'TOTP Required', decision.details);
      case 'verify-password':
        if (!hash || !(await bcrypt.compare(decision.code.toLowerCase(), hash))) {
          throw RcError.failure('totp-invalid', 'TOTP Invalid', { method: 'password' });
        }
        await this.users.updateOne(
          { _id: caller._id, 'services.resume.loginTokens.hashedToken': caller.hashedToken },
          {
            $set: {
              'services.resume.loginTokens.$.twoFactorAuthorizedUntil': new Date(Date.now() + rememberFor * 1000),
            },
          },
        );
    }
  }
}
