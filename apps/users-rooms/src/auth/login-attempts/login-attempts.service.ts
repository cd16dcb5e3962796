import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import { LoginPayload } from '@app/contracts';
import { RcError } from '@app/envelope';
import { REDIS_CLIENT } from '@app/transport';
import { SettingsService } from '../../settings/settings.service';
import {
  BlockRule,
  countFailuresSince,
  isBlocked,
  isWhitelisted,
  LOGIN_BLOCK_SETTINGS,
  loginBlockPolicy,
  LoginBlockPolicy,
  loginIdentity,
  normalizeIp,
  retentionMs,
  ruleApplies,
} from './login-block';
import { UsersRepository } from '../../users/users.repository';

/** One POST /login as the blocking rules see it. */
export interface LoginAttempt {
  policy: LoginBlockPolicy;
  ip: string;
  /** lower-cased username the attempt names (resolved from the e-mail for e-mail logins) */
  username?: string;
}

type Kind = 'ip' | 'user';

const BLOCKED_DETAILS = { function: 'Accounts.validateLoginAttempt' };

/**
 * Rocket.Chat's failed-login blocking (`Block_Multiple_Failed_Logins_*`). Every attempt is recorded while the
 * feature is on; a blocked attempt is refused before the password is checked (and counts as a failure, as in
 * Rocket.Chat). Counters are Redis sorted sets shared by every replica, trimmed to their window:
 * `<prefix>:login:fail:<ip|user>:<key>` (failure times) and `<prefix>:login:ok:<ip|user>:<key>` (last success).
 */
@Injectable()
export class LoginAttemptsService {
  private readonly logger = new Logger(LoginAttemptsService.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_ENV) private readonly env: UsersRoomsEnv,
    private readonly users: UsersRepository,
    private readonly settings: SettingsService,
  ) {}

  /** Throws `error-login-blocked-for-ip` / `error-login-blocked-for-user` when the attempt is blocked. */
  async check(p: LoginPayload): Promise<LoginAttempt> {
    const policy = loginBlockPolicy(await this.settings.getMany([...LOGIN_BLOCK_SETTINGS]));
    const attempt: LoginAttempt = { policy, ip: normalizeIp(p.ip ?? '') };
    if (!policy.enabled) {
      return attempt;
    }
    attempt.username = await this.usernameOf(p.body ?? {});
    const now = Date.now();
    if (ruleApplies(policy, policy.byIp) && attempt.ip && !isWhitelisted(policy, attempt.ip)) {
      if (await this.blocked('ip', attempt.ip, policy.byIp, now)) {
        await this.failed(attempt);
        throw RcError.loginFailed(
          'error-login-blocked-for-ip',
          'Login has been temporarily blocked For IP',
          BLOCKED_DETAILS,
        );
      }
    }
    if (ruleApplies(policy, policy.byUser) && attempt.username) {
      if (await this.blocked('user', attempt.username, policy.byUser, now)) {
        await this.failed(attempt);
        throw RcError.loginFailed(
          'error-login-blocked-for-user',
          'Login has been temporarily blocked For User',
          BLOCKED_DETAILS,
        );
      }
    }
    return attempt;
  }

  /** A successful login resets both counters (failures before it no longer count). */
  async succeeded(attempt: LoginAttempt, username: unknown): Promise<void> {
    if (!attempt.policy.enabled) {
      return;
    }
    const now = String(Date.now());
    const name = typeof username === 'string' && username ? username.toLowerCase() : attempt.username;
    const tx = this.redis.multi();
    if (attempt.ip) {
      tx.set(this.key('ok', 'ip', attempt.ip), now, 'PX', retentionMs(attempt.policy.byIp));
    }
    if (name) {
      tx.set(this.key('ok', 'user', name), now, 'PX', retentionMs(attempt.policy.byUser));
    }
    await this.run(tx, 'success');
  }

  async failed(attempt: LoginAttempt): Promise<void> {
    if (!attempt.policy.enabled) {
      return;
    }
    const now = Date.now();
    const tx = this.redis.multi();
    const add = (kind: Kind, id: string, rule: BlockRule) => {
      const key = this.key('fail', kind, id);
      const keep = retentionMs(rule);
      tx.zadd(key, now, `${now}-${randomBytes(6).toString('hex')}`);
      tx.zremrangebyscore(key, '-inf', now - keep);
      tx.pexpire(key, keep);
    };
    if (attempt.ip) {
      add('ip', attempt.ip, attempt.policy.byIp);
    }
    if (attempt.username) {
      add('user', attempt.username, attempt.policy.byUser);
    }
    await this.run(tx, 'failure');
  }

  private async blocked(kind: Kind, id: string, rule: BlockRule, now: number): Promise<boolean> {
    const lastSuccess = await this.redis.get(this.key('ok', kind, id));
    const since = countFailuresSince(now, rule.minutes, lastSuccess ? Number(lastSuccess) : undefined);
    const failures = await this.redis.zcount(this.key('fail', kind, id), since, '+inf');
    return isBlocked(failures, rule);
  }

  /**
   * The username a password login names. E-mail logins are resolved to the account's username, so they count
   * against the same user (Rocket.Chat checks the username form only; the stricter rule closes that gap).
   */
  private async usernameOf(body: Record<string, unknown>): Promise<string | undefined> {
    if (typeof body.resume === 'string' || body.accessToken !== undefined || typeof body.serviceName === 'string') {
      return undefined;
    }
    const who = loginIdentity(body);
    if (who.username) {
      return who.username.toLowerCase();
    }
    if (who.email) {
      const user = await this.users.findOne({ 'emails.address': who.email.toLowerCase() }, { username: 1 });
      return user?.username?.toLowerCase();
    }
    return undefined;
  }

  private key(what: 'fail' | 'ok', kind: Kind, id: string): string {
    return `${this.env.RC_REDIS_PREFIX}:login:${what}:${kind}:${id}`;
  }

  /** Recording must never mask the login's own outcome: a Redis error is logged, not thrown. */
  private async run(tx: ReturnType<Redis['multi']>, what: string): Promise<void> {
    try {
      await tx.exec();
    } catch (err) {
      this.logger.warn(`could not record a login ${what}: ${(err as Error).message}`);
    }
  }
}
