import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AvatarsPattern,
  AvatarUserParams,
  ResetAvatarPayload,
  SetAvatarPayload,
  UserAvatarPayload,
} from '@app/contracts';
import { AvatarsService } from './avatars.service';
import { UserAvatarService } from './user-avatar.service';

@Controller()
export class AvatarsController {
  constructor(
    private readonly avatars: AvatarsService,
    private readonly userAvatar: UserAvatarService,
  ) {}

  @MessagePattern(AvatarsPattern.SetAvatar)
  setAvatar(@Payload() p: SetAvatarPayload) {
    return this.avatars.setAvatar(p);
  }

  @MessagePattern(AvatarsPattern.GetAvatar)
  getAvatar(@Payload() p: AvatarUserParams) {
    return this.avatars.getAvatar(p);
  }

  @MessagePattern(AvatarsPattern.ResetAvatar)
  resetAvatar(@Payload() p: ResetAvatarPayload) {
    return this.avatars.resetAvatar(p);
  }

  @MessagePattern(AvatarsPattern.UserAvatar)
  serve(@Payload() p: UserAvatarPayload) {
    return this.userAvatar.serve(p);
  }
}
