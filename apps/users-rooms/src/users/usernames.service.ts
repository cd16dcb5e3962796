import { Injectable } from '@nestjs/common';
import { RcError } from '@app/envelope';
import { exactInsensitive } from '../common/regex';
import { SettingsService } from '../settings/settings.service';
import { blockedUsernameError, isBlockedUsername } from './username-rules';
import { UsersRepository } from './users.repository';

/**
 * Which usernames a user may take: Rocket.Chat's checkUsernameAvailability (blocked names are refused with
 * `error-blocked-username`, taken ones are unavailable) for users.create, users.register, users.update,
 * users.updateOwnBasicInfo and users.checkUsernameAvailability.
 */
@Injectable()
export class UsernamesService {
  constructor(
    private readonly users: UsersRepository,
    private readonly settings: SettingsService,
  ) {}

  /** Throws `error-blocked-username` for a name Rocket.Chat blocks. */
  async assertNotBlocked(username: string): Promise<void> {
    const s = await this.settings.getMany(['Accounts_BlockedUsernameList', 'Accounts_SystemBlockedUsernameList']);
    if (
      isBlockedUsername(
        username,
        s.Accounts_BlockedUsernameList as string,
        s.Accounts_SystemBlockedUsernameList as string,
      )
    ) {
      throw blockedUsernameError(username);
    }
  }

  /** Blocked: throws; taken by another user: false. */
  async isAvailable(username: string, exceptUserId?: string): Promise<boolean> {
    await this.assertNotBlocked(username);
    return !(await this.users.exists({
      username: exactInsensitive(username),
      ...(exceptUserId ? { _id: { $ne: exceptUserId } } : {}),
    }));
  }

  /** users.checkUsernameAvailability (Rocket.Chat's checkUsernameAvailabilityWithValidation). */
  async checkForCaller(callerId: string, username: string): Promise<{ result: boolean }> {
    if (!username) {
      throw RcError.failure('error-invalid-username', 'Invalid username', { method: 'setUsername' });
    }
    const caller = await this.users.findById(callerId, { username: 1 });
    if (!caller) {
      throw RcError.failure('error-invalid-user', 'Invalid user', { method: 'setUsername' });
    }
    if (caller.username && (await this.settings.get<boolean>('Accounts_AllowUsernameChange')) === false) {
      throw RcError.failure('error-not-allowed', 'Not allowed', { method: 'setUsername' });
    }
    if (caller.username === username) {
      return { result: true };
    }
    return { result: await this.isAvailable(username) };
  }
}
