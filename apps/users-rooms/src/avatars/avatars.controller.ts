import { Controller } from '@nestjs/common';
import { CallerPayload, SetAvatarPayload, UserAvatarPayload, UserParams, UsersAvatarPattern } from '@app/contracts';
import { Handles } from '@app/transport';
import { AvatarSuggestionsService } from './avatar-suggestions.service';
import { AvatarsService } from './avatars.service';
import { UserAvatarService } from './user-avatar.service';

@Controller()
export class AvatarsController {
  constructor(
    private readonly avatars: AvatarsService,
    private readonly userAvatar: UserAvatarService,
    private readonly suggestions: AvatarSuggestionsService,
  ) {}

  @Handles(UsersAvatarPattern.SetAvatar)
  setAvatar(p: SetAvatarPayload) {
    return this.avatars.setAvatar(p);
  }

  @Handles(UsersAvatarPattern.GetAvatar)
  getAvatar(p: UserParams) {
    return this.avatars.getAvatar(p);
  }

  @Handles(UsersAvatarPattern.ResetAvatar)
  resetAvatar(p: CallerPayload & UserParams) {
    return this.avatars.resetAvatar(p);
  }

  @Handles(UsersAvatarPattern.UserAvatar)
  serve(p: UserAvatarPayload) {
    return this.userAvatar.serve(p);
  }

  @Handles(UsersAvatarPattern.GetAvatarSuggestion)
  getAvatarSuggestion(p: CallerPayload) {
    return this.suggestions.suggestions(p.caller);
  }
}
