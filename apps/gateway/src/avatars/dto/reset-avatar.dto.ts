import { UserSelectorDto } from '../../core/dto/user-selector.dto';

/** users.resetAvatar: the user is named by `userId`, `username` or `user`. */
export class ResetAvatarDto extends UserSelectorDto {}
