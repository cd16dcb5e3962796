import { Inject, Injectable } from '@nestjs/common';
import { FilterQuery } from 'mongoose';
import { hashLoginToken } from '@app/auth';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import { CreateTokenPayload, IUser } from '@app/contracts';
import { randomSecret } from '@app/database';
import { RcError } from '@app/envelope';
import { AuthorizationService } from '../authorization/authorization.service';
import { exactInsensitive } from '../common/regex';
import { mayCreateTokenFor } from './rules/create-token';
import { UsersRepository } from '../users/users.repository';

/** users.createToken: an ordinary (expiring) login token for a user, minted without the user's password. */
@Injectable()
export class CreateTokenService {
  constructor(
    private readonly users: UsersRepository,
    @Inject(APP_ENV) private readonly env: UsersRoomsEnv,
    private readonly authorization: AuthorizationService,
  ) {}

  async createToken(p: CreateTokenPayload): Promise<{ data: { userId: string; authToken: string } }> {
    const target = await this.userFromParams(p);
    const allowed = mayCreateTokenFor({
      featureEnabled: this.env.CREATE_TOKENS_FOR_USERS,
      serverSecret: this.env.CREATE_TOKENS_FOR_USERS_SECRET,
      secret: p.secret,
      callerId: p.caller._id,
      targetId: target._id,
      callerMayGenerateForOthers:
        p.caller._id !== target._id &&
        (await this.authorization.hasPermission(p.caller.roles, 'user-generate-access-token')),
    });
    if (!allowed) {
      throw RcError.failure('error-not-authorized', 'Not authorized', { method: 'createToken' });
    }
    const authToken = randomSecret();
    await this.users.updateOne(
      { _id: target._id },
      { $push: { 'services.resume.loginTokens': { when: new Date(), hashedToken: hashLoginToken(authToken) } } },
    );
    return { data: { userId: target._id, authToken } };
  }

  /** Rocket.Chat's getUserFromParams: `userId`, else `username`, else `user`. */
  private async userFromParams(p: CreateTokenPayload): Promise<{ _id: string }> {
    let filter: FilterQuery<IUser>;
    if (p.userId?.trim()) {
      filter = { _id: p.userId };
    } else if (p.username?.trim()) {
      filter = { username: exactInsensitive(p.username) };
    } else if (p.user?.trim()) {
      filter = { username: exactInsensitive(p.user) };
    } else {
      throw RcError.failure(
        'error-user-param-not-provided',
        'The required "userId" or "username" param was not provided',
      );
    }
    const user = await this.users.findOne(filter, { _id: 1 });
    if (!user) {
      throw RcError.failure(
        'error-invalid-user',
        'The required "userId" or "username" param provided does not match any users',
      );
    }
    return user;
  }
}
