import { UserSelectorDto } from '../../core/dto/user-selector.dto';

/** users.createToken: the target as `userId`, `username` or `user`. */
export class CreateTokenDto extends UserSelectorDto {}
