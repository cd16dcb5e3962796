import { Controller } from '@nestjs/common';
import {
  CallerPayload,
  UsersGetPresencePayload,
  UsersGetStatusPayload,
  UsersSetStatusPayload,
  UsersPresencePayload,
  UsersProfilePattern,
  UsersSetPreferencesPayload,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { UserProfileService } from './user-profile.service';
import { UserStatusService } from './user-status.service';

/** Presence and status, preferences and username suggestions. */
@Controller()
export class UserProfileController {
  constructor(
    private readonly profile: UserProfileService,
    private readonly status: UserStatusService,
  ) {}

  @Handles(UsersProfilePattern.Presence)
  presence(p: UsersPresencePayload) {
    return this.profile.presence(p);
  }

  @Handles(UsersProfilePattern.GetPresence)
  getPresence(p: UsersGetPresencePayload) {
    return this.profile.getPresence(p);
  }

  @Handles(UsersProfilePattern.GetPreferences)
  getPreferences(p: CallerPayload) {
    return this.profile.getPreferences(p.caller);
  }

  @Handles(UsersProfilePattern.SetPreferences)
  setPreferences(p: UsersSetPreferencesPayload) {
    return this.profile.setPreferences(p);
  }

  @Handles(UsersProfilePattern.GetUsernameSuggestion)
  usernameSuggestion(p: CallerPayload) {
    return this.profile.usernameSuggestion(p.caller);
  }

  @Handles(UsersProfilePattern.SetStatus)
  setStatus(p: UsersSetStatusPayload) {
    return this.status.setStatus(p);
  }

  @Handles(UsersProfilePattern.GetStatus)
  getStatus(p: UsersGetStatusPayload) {
    return this.status.getStatus(p);
  }
}
