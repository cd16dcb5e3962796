import { Injectable } from '@nestjs/common';
import { GetStatusResult, RcEvent, UsersGetStatusPayload, UsersSetStatusPayload } from '@app/contracts';
import { RcError } from '@app/envelope';
import { EventBus } from '@app/transport';
import { AuthorizationService } from '../../authorization/authorization.service';
import { SettingsService } from '../../settings/settings.service';
import { USER_STATUSES } from '../admin/rules/user-edit-rules';
import { ProfileWriterService } from '../admin/profile-writer.service';
import { isCallerFromParams, UserSessionsService } from '../user-sessions.service';
import { UsersRepository } from '../users.repository';

/** users.setStatus and users.getStatus: a user's chosen presence and status message. */
@Injectable()
export class UserStatusService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: UserSessionsService,
    private readonly authorization: AuthorizationService,
    private readonly settings: SettingsService,
    private readonly writer: ProfileWriterService,
    private readonly events: EventBus,
  ) {}

  /**
   * users.setStatus: the caller's own (or, with `edit-other-user-info`, anyone's) `status` and/or status
   * `message`, while `Accounts_AllowUserStatusMessageChange` is on. `offline` ("invisible") needs
   * `Accounts_AllowInvisibleStatusOption`.
   */
  async setStatus(p: UsersSetStatusPayload): Promise<Record<string, never>> {
    if ((await this.settings.get<boolean>('Accounts_AllowUserStatusMessageChange')) === false) {
      throw RcError.failure('error-not-allowed', 'Change status is not allowed', { method: 'users.setStatus' });
    }
    let userId: string;
    if (isCallerFromParams(p, p.caller)) {
      userId = p.caller._id;
    } else if (await this.authorization.hasPermission(p.caller.roles, 'edit-other-user-info')) {
      userId = (await this.sessions.userFromParams(p))._id;
    } else {
      throw RcError.forbidden();
    }
    if (p.status !== undefined && p.status !== '') {
      if (!(USER_STATUSES as readonly string[]).includes(p.status)) {
        throw RcError.failure('error-invalid-status', 'Valid status types include online, away, offline, and busy.', {
          method: 'users.setStatus',
        });
      }
      if (
        p.status === 'offline' &&
        (await this.settings.get<boolean>('Accounts_AllowInvisibleStatusOption')) === false
      ) {
        throw RcError.failure('error-status-not-allowed', 'Invisible status is disabled', {
          method: 'users.setStatus',
        });
      }
    }
    if (p.message !== undefined) {
      await this.writer.setStatusText(userId, p.message);
    }
    if (p.status) {
      await this.users.updateOne(
        { _id: userId },
        { $set: { status: p.status, statusDefault: p.status, _updatedAt: new Date() } },
      );
    }
    await this.events.publish(RcEvent.UserChanged, { userId });
    return {};
  }

  /** users.getStatus: one's own status with the connection status, or another user's status. */
  async getStatus(p: UsersGetStatusPayload): Promise<GetStatusResult> {
    if (isCallerFromParams(p, p.caller)) {
      const me = await this.users.findById(p.caller._id, { status: 1, statusConnection: 1 });
      return {
        _id: p.caller._id,
        connectionStatus: me?.statusConnection || 'offline',
        status: me?.status || 'offline',
      };
    }
    const user = await this.sessions.userFromParams(p);
    return { _id: user._id, status: user.status || 'offline' };
  }
}
