import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { sha256Hex } from '@app/auth';
import { AuthUser, RawBodyPayload, RcEvent, UsersSetActiveStatusPayload, UserView } from '@app/contracts';
import { Errors, RcError } from '@app/envelope';
import { EventBus } from '@app/transport';
import { AuthorizationService } from '../../authorization/authorization.service';
import { SettingsService } from '../../settings/settings.service';
import { UserActiveChangedEvent, UserDeactivatingEvent, UserEvents, UserRemovingEvent } from '../user-events';
import { UserSessionsService } from '../user-sessions.service';
import { UsersRepository } from '../users.repository';
import { UsersService } from '../users.service';

const truthy = (v: unknown) => !!v && v !== 'false';

/**
 * users.setActiveStatus, users.delete, users.deleteOwnAccount: the last admin stays, rooms change hands as
 * Rocket.Chat hands them over (the rooms context, through `UserEvents`), and the user's sessions end at once on
 * every gateway. Messages stay where they are (the chat service owns them).
 */
@Injectable()
export class UserLifecycleService {
  constructor(
    private readonly users: UsersRepository,
    private readonly authorization: AuthorizationService,
    private readonly settings: SettingsService,
    private readonly usersService: UsersService,
    private readonly sessions: UserSessionsService,
    private readonly events: EventBus,
    private readonly hooks: EventEmitter2,
  ) {}

  private canChangeActiveStatus(caller: AuthUser): Promise<boolean> {
    return this.authorization.hasAny(caller.roles, ['edit-other-user-active-status', 'manage-moderation-actions']);
  }

  /** users.setActiveStatus (route check: 403 without the permission) */
  async setActiveStatus(p: UsersSetActiveStatusPayload): Promise<{ user: UserView }> {
    if (!(await this.canChangeActiveStatus(p.caller))) {
      throw RcError.forbidden();
    }
    await this.applyActiveStatus(p.userId, p.activeStatus, truthy(p.confirmRelinquish));
    const user = await this.users.findById(p.userId, { active: 1 });
    if (!user) {
      throw RcError.plain('User not found');
    }
    return { user: { _id: user._id, active: user.active } };
  }

  /** Rocket.Chat's setUserActiveStatus method (also reached from users.update `data.active`). */
  async setActiveStatusMethod(caller: AuthUser, userId: string, active: boolean, confirm: boolean): Promise<void> {
    if (!(await this.canChangeActiveStatus(caller))) {
      throw RcError.failure('error-not-allowed', 'Not allowed', { method: 'setUserActiveStatus' });
    }
    await this.applyActiveStatus(userId, active, confirm);
  }

  private async applyActiveStatus(userId: string, active: boolean, confirmRelinquish: boolean): Promise<void> {
    const user = await this.users.findById(userId, { username: 1, roles: 1, active: 1 });
    if (!user) {
      return;
    }
    if (typeof user.username === 'string' && !active) {
      const activeAdmins = await this.users.count({ roles: 'admin', active: true });
      if (user.roles?.includes('admin') && activeAdmins === 1) {
        throw RcError.failure('error-action-not-allowed', 'Leaving the app without an active admin is not allowed', {
          method: 'removeUserFromRole',
          action: 'Remove_last_admin',
        });
      }
      const deactivating: UserDeactivatingEvent = { userId, confirmRelinquish };
      await this.hooks.emitAsync(UserEvents.Deactivating, deactivating);
    }
    const now = new Date();
    await this.users.updateOne(
      { _id: userId },
      active ? { $set: { active, _updatedAt: now }, $unset: { reason: 1 } } : { $set: { active, _updatedAt: now } },
    );
    const changed: UserActiveChangedEvent = { userId, username: user.username, active };
    await this.hooks.emitAsync(UserEvents.ActiveChanged, changed);
    if (!active) {
      await this.sessions.endAllSessions(userId);
    } else {
      await this.events.publish(RcEvent.UserChanged, { userId });
    }
  }

  /** users.delete (route check: 403 without `delete-user`) */
  async delete(p: RawBodyPayload): Promise<Record<string, never>> {
    if (!(await this.authorization.hasPermission(p.caller.roles, 'delete-user'))) {
      throw RcError.forbidden();
    }
    const body = p.body ?? {};
    const user = await this.sessions.userFromParams({
      userId: body.userId as string | undefined,
      username: body.username as string | undefined,
      user: body.user as string | undefined,
    });
    if (user.type === 'app') {
      throw RcError.failure('error-cannot-delete-app-user', 'Deleting app user is not allowed', {
        method: 'deleteUser',
      });
    }
    if (user.roles?.includes('admin') && (await this.users.count({ roles: 'admin' })) === 1) {
      throw RcError.failure('error-action-not-allowed', 'Leaving the app without admins is not allowed', {
        method: 'deleteUser',
        action: 'Remove_last_admin',
      });
    }
    await this.deleteUser(user._id, truthy(body.confirmRelinquish));
    return {};
  }

  /** users.deleteOwnAccount: needs `Accounts_AllowDeleteOwnAccount` and the password (SHA-256 hex). */
  async deleteOwnAccount(p: RawBodyPayload): Promise<Record<string, never>> {
    const body = p.body ?? {};
    const password = body.password;
    if (!password || typeof password !== 'string') {
      throw RcError.plain('Body parameter "password" is required.');
    }
    if (!(await this.settings.get<boolean>('Accounts_AllowDeleteOwnAccount'))) {
      throw RcError.failure('error-not-allowed', 'Not allowed');
    }
    const user = await this.users.findById(p.caller._id, { username: 1, 'services.password.bcrypt': 1 });
    if (!user) {
      throw Errors.invalidUser('Invalid user', { method: 'deleteUserOwnAccount' });
    }
    const hash = user.services?.password?.bcrypt?.trim();
    if (hash) {
      if (!(await this.usersService.checkPassword(password.toLowerCase(), hash))) {
        throw RcError.failure('error-invalid-password', 'Invalid password', { method: 'deleteUserOwnAccount' });
      }
    } else if (sha256Hex(user.username ?? '') !== password.trim()) {
      throw RcError.failure('error-invalid-username', 'Invalid username', { method: 'deleteUserOwnAccount' });
    }
    await this.deleteUser(user._id, truthy(body.confirmRelinquish));
    return {};
  }

  /** Rocket.Chat's deleteUser function: rooms handed over or removed, subscriptions gone, user gone. */
  private async deleteUser(userId: string, confirmRelinquish: boolean): Promise<void> {
    if (userId === 'rocket.cat') {
      throw RcError.failure('error-action-not-allowed', 'Deleting the rocket.cat user is not allowed', {
        method: 'deleteUser',
        action: 'Delete_user',
      });
    }
    const user = await this.users.findById(userId, { username: 1 });
    if (!user) {
      return;
    }
    const removing: UserRemovingEvent = { userId, username: user.username, confirmRelinquish };
    await this.hooks.emitAsync(UserEvents.Removing, removing);
    await this.users.deleteOne({ _id: userId });
    await this.sessions.announce(userId);
  }
}
