import { Injectable } from '@nestjs/common';
import { AuthUser, UsersLogoutPayload } from '@app/contracts';
import { RcError } from '@app/envelope';
import { AuthorizationService } from '../authorization/authorization.service';
import { SettingsService } from '../settings/settings.service';
import { UserSessionsService } from '../users/user-sessions.service';
import { UsersRepository } from '../users/users.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

const invalidUserId = () => RcError.failure('error-invalid-user-id', 'Invalid user id');

/**
 * Ending sessions: users.logout (every token of a user, personal access tokens included), and
 * users.logoutOtherClients / users.removeOtherTokens (every other login token of the caller; personal access
 * tokens stay). Every gateway drops the revoked callers at once (`user.tokensRevoked`).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: UserSessionsService,
    private readonly authorization: AuthorizationService,
    private readonly settings: SettingsService,
  ) {}

  /** users.logout: oneself, or another user with `logout-other-user` (403 without). */
  async logout(p: UsersLogoutPayload): Promise<{ message: string }> {
    const userId = p.userId || p.caller._id;
    if (userId !== p.caller._id && !(await this.authorization.hasPermission(p.caller.roles, 'logout-other-user'))) {
      throw RcError.forbidden();
    }
    if (!(await this.users.exists({ _id: userId }))) {
      throw invalidUserId();
    }
    await this.sessions.endAllSessions(userId);
    return { message: `User ${userId} has been logged out!` };
  }

  /** users.logoutOtherClients: when the caller's own token expires (`Accounts_LoginExpiration` days). */
  async logoutOtherClients(caller: AuthUser): Promise<{ tokenExpires: string }> {
    await this.removeOtherTokens(caller);
    const me = await this.users.findById(caller._id, { 'services.resume.loginTokens': 1 });
    const token = me?.services?.resume?.loginTokens?.find((t) => t.hashedToken === caller.hashedToken);
    const days = await this.settings.number('Accounts_LoginExpiration', 90);
    const when = token?.when ? new Date(token.when).getTime() : NaN;
    return { tokenExpires: Number.isFinite(when) ? new Date(when + days * DAY_MS).toISOString() : '' };
  }

  /** users.removeOtherTokens */
  async removeOtherTokens(caller: AuthUser): Promise<Record<string, never>> {
    if (!(await this.users.exists({ _id: caller._id }))) {
      throw invalidUserId();
    }
    await this.sessions.endOtherSessions(caller._id, caller.hashedToken);
    return {};
  }
}
