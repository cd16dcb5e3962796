import { IsOptional, IsString } from 'class-validator';

/** A target user named by `userId`, `username` or `user` (Rocket.Chat's getUserFromParams). */
export class UserSelectorDto {
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
