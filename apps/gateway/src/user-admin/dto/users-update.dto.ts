import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDefined, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';

/** users.update `data` (Rocket.Chat's schema: these keys only, each nullable). */
export class UsersUpdateDataDto {
  @IsOptional()
  @IsString()
  email?: string;

  @IsOptional()
  @IsString()
  name?: string;

  @IsOptional()
  @IsString()
  password?: string;

  @IsOptional()
  @IsString()
  username?: string;

  @IsOptional()
  @IsString()
  bio?: string;

  @IsOptional()
  @IsString()
  nickname?: string;

  @IsOptional()
  @IsString()
  statusText?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  roles?: string[];

  @IsOptional()
  @IsBoolean()
  joinDefaultChannels?: boolean;

  @IsOptional()
  @IsBoolean()
  requirePasswordChange?: boolean;

  @IsOptional()
  @IsBoolean()
  setRandomPassword?: boolean;

  @IsOptional()
  @IsBoolean()
  sendWelcomeEmail?: boolean;

  @IsOptional()
  @IsBoolean()
  verified?: boolean;

  @IsOptional()
  @IsObject()
  customFields?: Record<string, unknown>;

  @IsOptional()
  @IsString()
  status?: string;
}

/** users.update */
export class UsersUpdateDto {
  @IsDefined()
  @IsString()
  userId: string;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => UsersUpdateDataDto)
  data: UsersUpdateDataDto;

  @IsOptional()
  @IsBoolean()
  confirmRelinquish?: boolean;
}
