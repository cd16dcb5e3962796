import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import { RcError } from '@app/envelope';
import { REDIS_CLIENT } from '@app/transport';
import { exactInsensitive, escapeRegExp, matchesNamePattern } from '../../common/regex';
import { SettingsService } from '../../settings/settings.service';
import { UsersService } from '../../users/users.service';
import {
  isOAuthServiceName,
  OAUTH_PROVIDERS,
  OAuthOptionsError,
  OAuthProviderError,
  OAuthServiceConfig,
  OAuthServiceName,
} from './oauth-providers';
import { numberedSuggestion, usernameCandidates } from '../../users/profile/username-suggestion';
import { UsersRepository } from '../../users/users.repository';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CREATE_LOCK_MS = 10_000;
const CREATE_WAIT_MS = 100;
const CREATE_WAIT_ROUNDS = 15;
const UNVERIFIED_EMAIL_REASON =
  'This_email_has_already_been_used_and_has_not_been_verified__Please_change_your_password';

/** A string setting value, or the fallback when it is missing or not a string. */
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

const csv = (v: unknown): string[] =>
  str(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A provider id as stored (string) or as Rocket.Chat stored Twitter's (number): look-ups accept both. */
function idForms(id: unknown): unknown[] {
  const s = String(id);
  return /^\d+$/.test(s) ? [s, Number(s)] : [id, s].filter((v, i, a) => a.indexOf(v) === i);
}

/**
 * POST /login with `{serviceName, accessToken, ...}` (Rocket.Chat's access-token login handler + accounts meld):
 * the service must be enabled in settings; the provider says whose token it is; the user with that
 * `services.<name>.id` is updated, or the user with that e-mail is linked, or a new user is created. The
 * caller (AuthService) then issues a normal login token.
 */
@Injectable()
export class OAuthLoginService {
  constructor(
    private readonly users: UsersRepository,
    @Inject(APP_ENV) private readonly env: UsersRoomsEnv,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly usersService: UsersService,
    private readonly settings: SettingsService,
  ) {}

  /** The id of the (active) user the access token belongs to. Failures are 401 login failures. */
  async userIdFor(body: Record<string, unknown>): Promise<string> {
    try {
      return await this.resolve(body);
    } catch (err) {
      // /login answers every failure as 401 {status:"error", error, message}
      if (err instanceof RcError && err.payload.kind === 'failure' && err.payload.errorType) {
        throw RcError.loginFailed(err.payload.errorType, err.payload.reason, err.payload.details);
      }
      throw err;
    }
  }

  private async resolve(body: Record<string, unknown>): Promise<string> {
    if (body.accessToken === undefined) {
      throw RcError.loginFailed('400', 'Unrecognized options for login request');
    }
    if (typeof body.serviceName !== 'string') {
      throw RcError.loginFailed('Match.Error', `Match error: Missing key 'serviceName'`);
    }
    const service = body.serviceName;
    if (!isOAuthServiceName(service)) {
      throw RcError.loginFailed('Unexpected AccessToken service', `Unexpected AccessToken service ${service}`);
    }
    const config = await this.configOf(service);
    if (!config) {
      throw RcError.loginFailed('ServiceConfiguration.ConfigError', 'Service not configured');
    }
    let identity;
    try {
      identity = await OAUTH_PROVIDERS[service].identify(body, config);
    } catch (err) {
      if (err instanceof OAuthOptionsError) {
        throw RcError.loginFailed('Match.Error', err.message);
      }
      if (err instanceof OAuthProviderError) {
        throw RcError.loginFailed('Unauthorized', err.message);
      }
      throw err;
    }
    const { serviceData, profileName } = identity;
    if (serviceData.id === undefined || serviceData.id === null || serviceData.id === '') {
      throw RcError.loginFailed('Unauthorized', `Service data for service ${service} must include id`);
    }
    const userId = await this.updateOrCreate(service, serviceData, profileName);
    const user = await this.users.findById(userId, { active: 1 });
    if (!user?.active) {
      throw RcError.loginFailed('error-user-is-not-activated', 'User is not activated');
    }
    return userId;
  }

  /** Rocket.Chat's service configuration exists exactly while `Accounts_OAuth_<Service>` is true. */
  private async configOf(service: OAuthServiceName): Promise<OAuthServiceConfig | null> {
    const provider = OAUTH_PROVIDERS[service];
    const key = `Accounts_OAuth_${provider.settingsKey}`;
    const s = await this.settings.getMany([key, `${key}_id`, `${key}_secret`, `${key}_API_URL`]);
    if (s[key] !== true) {
      return null;
    }
    return {
      clientId: str(s[`${key}_id`]),
      secret: str(s[`${key}_secret`]),
      apiUrl: str(s[`${key}_API_URL`]) || provider.defaultApiUrl,
      // two provider calls at most, and the whole login must fit in the caller's RPC deadline
      timeoutMs: Math.max(500, Math.floor(this.env.RPC_TIMEOUT_MS / 3)),
    };
  }

  private async updateOrCreate(
    service: OAuthServiceName,
    serviceData: Record<string, unknown>,
    profileName?: string,
  ): Promise<string> {
    const ids = idForms(serviceData.id);
    const email = typeof serviceData.email === 'string' ? serviceData.email.trim().toLowerCase() : '';
    if (email) {
      await this.linkByEmail(service, email, serviceData.id, ids);
    }
    const update = async (): Promise<string | undefined> => {
      const existing = await this.users.findOne({ [`services.${service}.id`]: { $in: ids } }, { _id: 1 });
      if (!existing) {
        return undefined;
      }
      const set = Object.fromEntries(Object.entries(serviceData).map(([k, v]) => [`services.${service}.${k}`, v]));
      await this.users.updateOne({ _id: existing._id }, { $set: { ...set, _updatedAt: new Date() } });
      return existing._id;
    };
    const found = await update();
    if (found) {
      return found;
    }
    // two first logins at once (a double click, two replicas) must not create two users: one creates, the
    // other waits for it
    const lock = `${this.env.RC_REDIS_PREFIX}:oauth:create:${service}:${String(serviceData.id)}`;
    if (!(await this.redis.set(lock, '1', 'PX', CREATE_LOCK_MS, 'NX'))) {
      for (let i = 0; i < CREATE_WAIT_ROUNDS; i++) {
        await sleep(CREATE_WAIT_MS);
        const created = await update();
        if (created) {
          return created;
        }
      }
      throw RcError.loginFailed('Unauthorized', 'Another login is creating this user; try again');
    }
    try {
      return (
        (await update()) ??
        (await this.create(service, serviceData, profileName, EMAIL.test(email) ? email : undefined))
      );
    } finally {
      await this.redis.del(lock).catch(() => undefined);
    }
  }

  /**
   * Rocket.Chat's accounts meld: a user who already has the provider's e-mail gets the service linked and the
   * address marked verified. If that user has a password but never verified the address, the password is
   * removed and must be changed (someone else may have registered with that address).
   */
  private async linkByEmail(service: OAuthServiceName, email: string, id: unknown, ids: unknown[]): Promise<void> {
    const user = await this.users.findOne({ 'emails.address': email }, { services: 1, emails: 1 });
    const linked = this.linkedId(user?.services?.[service]);
    if (!user || ids.includes(linked)) {
      return;
    }
    const verified = user.emails?.some((e) => e.address === email && e.verified);
    const resetPassword = !!user.services?.password && !verified;
    await this.users.updateOne(
      { _id: user._id, 'emails.address': email },
      {
        $set: {
          [`services.${service}.id`]: id,
          'emails.$.verified': true,
          _updatedAt: new Date(),
          ...(resetPassword
            ? { requirePasswordChange: true, requirePasswordChangeReason: UNVERIFIED_EMAIL_REASON }
            : {}),
        },
        ...(resetPassword ? { $unset: { 'services.password': 1 } } : {}),
      },
    );
  }

  private linkedId(serviceData: unknown): unknown {
    return serviceData && typeof serviceData === 'object' ? (serviceData as { id?: unknown }).id : undefined;
  }

  private async create(
    service: OAuthServiceName,
    serviceData: Record<string, unknown>,
    profileName: string | undefined,
    email: string | undefined,
  ): Promise<string> {
    const s = await this.settings.getMany([
      'Accounts_Registration_AuthenticationServices_Enabled',
      'Accounts_Registration_AuthenticationServices_Default_Roles',
      'Accounts_Registration_Users_Default_Roles',
      'Accounts_Verify_Email_For_External_Accounts',
      'Accounts_ManuallyApproveNewUsers',
      'Accounts_DefaultUsernamePrefixSuggestion',
      'UTF8_User_Names_Validation',
      'UTF8_Names_Slugify',
    ]);
    if (s.Accounts_Registration_AuthenticationServices_Enabled === false) {
      throw RcError.loginFailed(
        'registration-disabled-authentication-services',
        'User registration is disabled for authentication services',
      );
    }
    const roles = [
      ...new Set([
        ...csv(s.Accounts_Registration_AuthenticationServices_Default_Roles),
        ...csv(s.Accounts_Registration_Users_Default_Roles),
      ]),
    ];
    const verified = s.Accounts_Verify_Email_For_External_Accounts !== false;
    const name = [profileName, serviceData.name, serviceData.username].find(
      (v): v is string => typeof v === 'string' && v.trim().length > 0,
    );
    const pattern = str(s.UTF8_User_Names_Validation, '[0-9a-zA-Z-_.]+');
    const candidates = usernameCandidates(
      { name, emails: email ? [{ address: email, verified }] : [] },
      { slugifyNames: s.UTF8_Names_Slugify !== false, pattern },
    );
    const prefix = str(s.Accounts_DefaultUsernamePrefixSuggestion) || 'user';
    for await (const username of this.freeUsernames(candidates, prefix, pattern)) {
      try {
        const user = await this.usersService.insert({
          username,
          name: name ?? username,
          email,
          verified,
          roles,
          active: s.Accounts_ManuallyApproveNewUsers !== true,
          joinDefaultChannels: true,
        });
        await this.users.updateOne({ _id: user._id }, { $set: { [`services.${service}`]: serviceData } });
        return user._id;
      } catch (err) {
        // another login took this username meanwhile: try the next one
        const p = err instanceof RcError ? err.payload : undefined;
        if (p?.errorType === 'error-field-unavailable' && (p.details as { field?: string })?.field === username) {
          continue;
        }
        throw err;
      }
    }
    throw RcError.loginFailed('error-field-unavailable', 'Could not find a free username');
  }

  /** Valid, unused usernames: the candidates first, then `<first candidate or prefix>-<n>`. */
  private async *freeUsernames(candidates: string[], prefix: string, pattern: string): AsyncGenerator<string> {
    const usable = async (u: string) =>
      matchesNamePattern(u, pattern) && !(await this.users.exists({ username: exactInsensitive(u) }));
    for (const c of candidates) {
      if (await usable(c)) {
        yield c;
      }
    }
    const base = candidates.find((c) => matchesNamePattern(c, pattern)) ?? prefix;
    let n = await this.users.count({ username: new RegExp(`^${escapeRegExp(base)}-[0-9]+$`, 'i') });
    for (let tries = 0; tries < 50; tries++, n++) {
      const u = numberedSuggestion(base, n);
      if (await usable(u)) {
        yield u;
      }
    }
  }
}
