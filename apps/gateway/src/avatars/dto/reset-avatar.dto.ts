import { IsOptional, IsString } from 'class-validator';

/** users.resetAvatar: the user is named by `userId`, `username` or `user` (Rocket.Chat's getUserFromParams). */
export class ResetAvatarDto {
  @IsOptional()
  @IsString()
  userId?: string;

  @IsOptional()
  @IsString()
  username?: string;

  @IsOptional()
  @IsString()
  user?: string;
}
