import { Injectable } from '@nestjs/common';
import { FilterQuery } from 'mongoose';
import { DeactivateIdlePayload, IUser, RcEvent } from '@app/contracts';
import { RcError } from '@app/envelope';
import { EventBus } from '@app/transport';
import { idleCutoff, idleUsersFilter } from './rules/idle-users.rules';
import { UsersRepository } from '../../users/users.repository';

/**
 * users.deactivateIdle: deactivates the active users of a role (default `user`) who have not logged in for
 * `daysIdle` days (or never did and are that old), never the caller. Like any deactivation it ends their
 * sessions: login tokens are removed and every gateway drops its cached credentials.
 */
@Injectable()
export class IdleUsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly events: EventBus,
  ) {}

  async deactivateIdle(p: DeactivateIdlePayload): Promise<{ count: number }> {
    if (typeof p.daysIdle !== 'number' || !Number.isFinite(p.daysIdle) || p.daysIdle < 0) {
      throw RcError.invalidParams("must have property 'daysIdle' as a number >= 0");
    }
    const role = p.role || 'user';
    const filter = idleUsersFilter(idleCutoff(new Date(), p.daysIdle), role, p.caller._id) as FilterQuery<IUser>;
    const ids = (await this.users.find(filter, { projection: { _id: 1 } })).map((u) => u._id);
    if (!ids.length) {
      return { count: 0 };
    }
    // the same selector again, so a user who logged in meanwhile is left alone
    const result = await this.users.updateMany(
      { $and: [filter, { _id: { $in: ids } }] },
      { $set: { active: false, 'services.resume.loginTokens': [], _updatedAt: new Date() } },
    );
    for (const userId of ids) {
      await this.events.publish(RcEvent.TokensRevoked, { userId });
      await this.events.publish(RcEvent.UserChanged, { userId });
    }
    return { count: result };
  }
}
