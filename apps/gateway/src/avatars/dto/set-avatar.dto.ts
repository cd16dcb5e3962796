import { IsOptional, IsString } from 'class-validator';

/** users.setAvatar: JSON body, or the text fields of the multipart form (Rocket.Chat's schema: these keys only). */
export class SetAvatarDto {
  @IsOptional()
  @IsString()
  avatarUrl?: string;

  @IsOptional()
  @IsString()
  userId?: string;

  @IsOptional()
  @IsString()
  username?: string;
}
