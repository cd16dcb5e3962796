import { Controller } from '@nestjs/common';
import {
  CallerPayload,
  UsersGetPresencePayload,
  UsersPresencePayload,
  UsersProfilePattern,
  UsersSetPreferencesPayload,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { UserProfileService } from './user-profile.service';

/** Presence, preferences and username suggestions. */
@Controller()
export class UserProfileController {
  constructor(private readonly profile: UserProfileService) {}

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
}
