import { IsOptional, IsString } from 'class-validator';

/** users.createToken: the target as `userId`, `username` or `user` (Rocket.Chat's getUserFromParams). */
export class CreateTokenDto {
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
