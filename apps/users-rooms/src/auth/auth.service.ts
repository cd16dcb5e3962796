import { Injectable } from '@nestjs/common';
import { hashLoginToken, sha256Hex } from '@app/auth';
import { AuthUser, LoginPayload, LoginResult, RcEvent } from '@app/contracts';
import { randomSecret } from '@app/database';
import { RcError } from '@app/envelope';
import { EventBus } from '@app/transport';
import { LoginAttemptsService } from './login-attempts/login-attempts.service';
import { OAuthLoginService } from './oauth/oauth-login.service';
import { loginIdentity } from './login-attempts/login-block';
import { exactInsensitive } from '../common/regex';
import { SettingsService } from '../settings/settings.service';
import { UsersService } from '../users/users.service';
import { UsersRepository } from '../users/users.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

type Selector = { username: string } | { email: string };

/**
 * POST /login in every body form Rocket.Chat accepts (CONVENTIONS §4), token resolution for the gateway,
 * logout. Failures are masked as Rocket.Chat masks them: unknown user and wrong password look the same.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly settings: SettingsService,
    private readonly events: EventBus,
    private readonly loginAttempts: LoginAttemptsService,
    private readonly oauth: OAuthLoginService,
  ) {}

  /** Failed-login blocking around every login form: checked first, the outcome recorded after. */
  async login(p: LoginPayload): Promise<LoginResult> {
    const attempt = await this.loginAttempts.check(p);
    try {
      const result = await this.attemptLogin(p);
      await this.loginAttempts.succeeded(attempt, result.me.username);
      return result;
    } catch (err) {
      await this.loginAttempts.failed(attempt);
      throw err;
    }
  }

  private async attemptLogin(p: LoginPayload): Promise<LoginResult> {
    const body = p.body ?? {};
    if (typeof body.resume === 'string') {
      return this.loginWithResume(body.resume);
    }
    if (typeof body.serviceName === 'string' || body.accessToken !== undefined) {
      return this.loginWithOAuth(body);
    }
    const who = loginIdentity(body);
    const selector: Selector | null = who.username
      ? { username: who.username }
      : who.email
        ? { email: who.email }
        : null;
    const digest = this.passwordDigest(body.password);
    if (!selector || !digest) {
      throw RcError.loginFailed('400', 'Unrecognized options for login request');
    }
    const filter =
      'username' in selector
        ? { username: exactInsensitive(selector.username) }
        : { 'emails.address': selector.email.toLowerCase() };
    const user = await this.users.findOne(filter);
    if (!user || !(await this.usersService.checkPassword(digest, user.services?.password?.bcrypt))) {
      throw RcError.loginFailed();
    }
    if (!user.active) {
      throw RcError.loginFailed('error-user-is-not-activated', 'User is not activated');
    }
    return this.issueToken(user._id);
  }

  /** The SHA-256 hex digest bcrypt compares against: from plain text, `{hashed}` or `{digest, algorithm}`. */
  private passwordDigest(password: unknown): string | null {
    if (typeof password === 'string' && password) {
      return sha256Hex(password);
    }
    if (password && typeof password === 'object') {
      const o = password as Record<string, unknown>;
      if (typeof o.hashed === 'string') {
        return o.hashed.toLowerCase();
      }
      if (typeof o.digest === 'string' && o.algorithm === 'sha-256') {
        return o.digest.toLowerCase();
      }
    }
    return null;
  }

  private async loginWithResume(token: string): Promise<LoginResult> {
    const hashed = hashLoginToken(token);
    const user = await this.users.findOne({ 'services.resume.loginTokens.hashedToken': hashed }, { _id: 1, active: 1 });
    if (!user) {
      throw RcError.loginFailed('403', "You've been logged out by the server. Please log in again.");
    }
    if (!user.active) {
      throw RcError.loginFailed('error-user-is-not-activated', 'User is not activated');
    }
    return { userId: user._id, authToken: token, me: await this.usersService.me(user._id) };
  }

  /** OAuth access-token logins (Google, Facebook, Twitter): the provider vouches for the user, then a login token. */
  private async loginWithOAuth(body: Record<string, unknown>): Promise<LoginResult> {
    return this.issueToken(await this.oauth.userIdFor(body));
  }

  private async issueToken(userId: string): Promise<LoginResult> {
    const token = randomSecret();
    const now = new Date();
    await this.users.updateOne(
      { _id: userId },
      {
        $push: { 'services.resume.loginTokens': { when: now, hashedToken: hashLoginToken(token) } },
        $set: { lastLogin: now, _updatedAt: now },
      },
    );
    return { userId, authToken: token, me: await this.usersService.me(userId) };
  }

  async logout(caller: AuthUser): Promise<{ message: string }> {
    await this.users.updateOne(
      { _id: caller._id },
      { $pull: { 'services.resume.loginTokens': { hashedToken: caller.hashedToken } } },
    );
    await this.events.publish(RcEvent.TokensRevoked, { userId: caller._id, hashedTokens: [caller.hashedToken] });
    return { message: "You've been logged out!" };
  }

  /** The gateway's cache miss path: is this a live token of this user? */
  async resolveToken(userId: string, hashedToken: string): Promise<AuthUser | null> {
    const user = await this.users.findOne(
      { _id: userId, 'services.resume.loginTokens.hashedToken': hashedToken },
      { _id: 1, username: 1, name: 1, roles: 1, type: 1, active: 1, 'services.resume.loginTokens.$': 1 },
    );
    if (!user || !user.active) {
      return null;
    }
    const token =
      user.services?.resume?.loginTokens?.find((t) => t.hashedToken === hashedToken) ??
      user.services?.resume?.loginTokens?.[0];
    const isPat = token?.type === 'personalAccessToken';
    if (!isPat && token?.when) {
      const days = Number((await this.settings.get<number>('Accounts_LoginExpiration')) ?? 90);
      if (days > 0 && new Date(token.when).getTime() + days * DAY_MS < Date.now()) {
        return null;
      }
    }
    return {
      _id: user._id,
      username: user.username ?? '',
      ...(user.name ? { name: user.name } : {}),
      roles: user.roles ?? [],
      type: user.type ?? 'user',
      active: user.active,
      hashedToken,
      ...(isPat ? { isPat: true } : {}),
    };
  }
}
