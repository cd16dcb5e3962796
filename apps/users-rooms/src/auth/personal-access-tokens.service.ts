import { Injectable } from '@nestjs/common';
import { hashLoginToken } from '@app/auth';
import {
  AuthUser,
  GeneratePersonalAccessTokenPayload,
  ILoginToken,
  PersonalAccessTokenInfo,
  PersonalAccessTokenNamePayload,
  RcEvent,
} from '@app/contracts';
import { randomSecret } from '@app/database';
import { RcError } from '@app/envelope';
import { EventBus } from '@app/transport';
import { AuthorizationService } from '../authorization/authorization.service';
import { TwoFactorService } from './two-factor.service';
import { UsersRepository } from '../users/users.repository';

const PAT = 'personalAccessToken';
const TOKENS = 'services.resume.loginTokens';

/**
 * Personal access tokens (Rocket.Chat `imports/personal-access-tokens`): login tokens of type
 * `personalAccessToken` in `services.resume.loginTokens`, stored hashed, named uniquely per user, shown in clear
 * once. They never expire; removing or regenerating one ends it on every gateway at once (`user.tokensRevoked`).
 */
@Injectable()
export class PersonalAccessTokensService {
  constructor(
    private readonly users: UsersRepository,
    private readonly authorization: AuthorizationService,
    private readonly events: EventBus,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async generate(p: GeneratePersonalAccessTokenPayload): Promise<{ token: string }> {
    const tokenName = this.requireName(p.tokenName);
    await this.twoFactor.check(p.caller, p.twoFactor, false);
    await this.requirePermission(p.caller, 'personalAccessTokens:generateToken');
    const { token, entry } = this.newToken(tokenName, p.bypassTwoFactor ?? false);
    // one atomic write: the name check and the push cannot race with a concurrent generate
    const res = await this.users.updateOne(
      { _id: p.caller._id, [`${TOKENS}.name`]: { $ne: tokenName } },
      { $push: { [TOKENS]: entry } },
    );
    if (!res.modified) {
      throw RcError.failure('error-token-already-exists', 'A token with this name already exists', {
        method: 'personalAccessTokens:generateToken',
      });
    }
    return { token };
  }

  async regenerate(p: PersonalAccessTokenNamePayload): Promise<{ token: string }> {
    const tokenName = this.requireName(p.tokenName);
    await this.twoFactor.check(p.caller, p.twoFactor, false);
    const method = 'personalAccessTokens:regenerateToken';
    await this.requirePermission(p.caller, method);
    const old = await this.find(p.caller._id, tokenName, method);
    const { token, entry } = this.newToken(tokenName, old.bypassTwoFactor ?? false);
    // replace the entry in place, found by its (unique) hash: Rocket.Chat removes then generates; one write here
    const res = await this.users.updateOne(
      { _id: p.caller._id, [`${TOKENS}.hashedToken`]: old.hashedToken },
      { $set: { [`${TOKENS}.$`]: entry } },
    );
    if (!res.modified) {
      throw this.doesNotExist(method);
    }
    await this.events.publish(RcEvent.TokensRevoked, { userId: p.caller._id, hashedTokens: [old.hashedToken] });
    return { token };
  }

  async remove(p: PersonalAccessTokenNamePayload): Promise<Record<string, never>> {
    const tokenName = this.requireName(p.tokenName);
    await this.twoFactor.check(p.caller, p.twoFactor, false);
    const method = 'personalAccessTokens:removeToken';
    await this.requirePermission(p.caller, method);
    const old = await this.find(p.caller._id, tokenName, method);
    await this.users.updateOne({ _id: p.caller._id }, { $pull: { [TOKENS]: { type: PAT, name: tokenName } } });
    await this.events.publish(RcEvent.TokensRevoked, { userId: p.caller._id, hashedTokens: [old.hashedToken] });
    return {};
  }

  /** The route checks `create-personal-access-tokens` (403); no secret is listed. */
  async list(caller: AuthUser): Promise<{ tokens: PersonalAccessTokenInfo[] }> {
    const user = await this.users.findById(caller._id, { [TOKENS]: 1 });
    const tokens = (user?.services?.resume?.loginTokens ?? [])
      .filter((t) => t.type === PAT)
      .map((t) => ({
        name: t.name ?? '',
        createdAt: new Date(t.createdAt ?? 0).toISOString(),
        lastTokenPart: t.lastTokenPart ?? '',
        bypassTwoFactor: Boolean(t.bypassTwoFactor),
      }));
    return { tokens };
  }

  private newToken(name: string, bypassTwoFactor: boolean): { token: string; entry: ILoginToken } {
    const token = randomSecret();
    return {
      token,
      entry: {
        hashedToken: hashLoginToken(token),
        type: PAT,
        createdAt: new Date(),
        lastTokenPart: token.slice(-6),
        name,
        bypassTwoFactor,
      },
    };
  }

  /** Rocket.Chat's route check, before any permission check: `API.v1.failure(...)` (400, no errorType). */
  private requireName(tokenName: string | undefined): string {
    if (!tokenName) {
      throw RcError.plain("The 'tokenName' param is required");
    }
    return tokenName;
  }

  private async requirePermission(caller: AuthUser, method: string): Promise<void> {
    if (!(await this.authorization.hasPermission(caller.roles, 'create-personal-access-tokens'))) {
      throw RcError.failure('not-authorized', 'Not Authorized', { method });
    }
  }

  private async find(userId: string, name: string, method: string): Promise<ILoginToken> {
    const user = await this.users.findById(userId, { [TOKENS]: 1 });
    const token = user?.services?.resume?.loginTokens?.find((t) => t.type === PAT && t.name === name);
    if (!token) {
      throw this.doesNotExist(method);
    }
    return token;
  }

  private doesNotExist(method: string): RcError {
    return RcError.failure('error-token-does-not-exists', 'Token does not exist', { method });
  }
}
