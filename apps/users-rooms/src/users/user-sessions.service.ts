import { Injectable } from '@nestjs/common';
import { IUser, RcEvent, UserParams } from '@app/contracts';
import { RcError } from '@app/envelope';
import { EventBus } from '@app/transport';
import { exactInsensitive } from '../common/regex';
import { UsersRepository } from '../users/users.repository';

export type UserDoc = IUser & Record<string, unknown>;

/**
 * Ends sessions (login tokens and personal access tokens) and tells every gateway replica at once, and finds
 * users the way Rocket.Chat's getUserFromParams does.
 */
@Injectable()
export class UserSessionsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly events: EventBus,
  ) {}

  /** Every token of the user goes: login tokens and personal access tokens (deactivation, admin password reset). */
  async endAllSessions(userId: string): Promise<void> {
    await this.users.updateOne({ _id: userId }, { $set: { 'services.resume.loginTokens': [] } });
    await this.announce(userId);
  }

  /**
   * Every login token but the one of the current request goes; personal access tokens stay (Rocket.Chat's
   * removeNonPATLoginTokensExcept after a password change).
   */
  async endOtherSessions(userId: string, keepHashedToken: string): Promise<void> {
    await this.users.updateOne(
      { _id: userId },
      {
        $pull: {
          'services.resume.loginTokens': {
            hashedToken: { $ne: keepHashedToken },
            type: { $ne: 'personalAccessToken' },
          },
        },
      },
    );
    await this.announce(userId);
  }

  /** Gateways drop the user's cached callers; the next request resolves the tokens again. */
  async announce(userId: string): Promise<void> {
    await this.events.publish(RcEvent.TokensRevoked, { userId });
    await this.events.publish(RcEvent.UserChanged, { userId });
  }

  /** `userId`, `username` or `user` (case-insensitive username), with Rocket.Chat's errors. */
  async userFromParams(params: UserParams): Promise<UserDoc> {
    let user: UserDoc | null;
    if (typeof params.userId === 'string' && params.userId.trim()) {
      user = await this.users.findById<UserDoc>(params.userId);
    } else if (typeof params.username === 'string' && params.username.trim()) {
      user = await this.users.findOne<UserDoc>({ username: exactInsensitive(params.username) });
    } else if (typeof params.user === 'string' && params.user.trim()) {
      user = await this.users.findOne<UserDoc>({ username: exactInsensitive(params.user) });
    } else {
      throw RcError.failure(
        'error-user-param-not-provided',
        'The required "userId" or "username" param was not provided',
      );
    }
    if (!user) {
      throw RcError.failure(
        'error-invalid-user',
        'The required "userId" or "username" param provided does not match any users',
      );
    }
    return user;
  }
}

/** Rocket.Chat's isUserFromParams: no user named, or the caller named. */
export function isCallerFromParams(params: UserParams, caller: { _id: string; username: string }): boolean {
  return (
    (!params.userId && !params.username && !params.user) ||
    (!!params.userId && params.userId === caller._id) ||
    (!!params.username && params.username === caller.username) ||
    (!!params.user && params.user === caller.username)
  );
}
