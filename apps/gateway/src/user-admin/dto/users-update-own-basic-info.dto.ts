import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';

/** users.updateOwnBasicInfo `data` (Rocket.Chat's schema: these keys only, each nullable). */
export class OwnBasicInfoDataDto {
  @IsOptional()
  @IsString()
  email?: string;

  @IsOptional()
  @IsString()
  name?: string;

  @IsOptional()
  @IsString()
  username?: string;

  @IsOptional()
  @IsString()
  nickname?: string;

  @IsOptional()
  @IsString()
  bio?: string;

  @IsOptional()
  @IsString()
  statusText?: string;

  @IsOptional()
  @IsString()
  statusType?: string;

  /** SHA-256 hex of the current password */
  @IsOptional()
  @IsString()
  currentPassword?: string;

  @IsOptional()
  @IsString()
  newPassword?: string;
}

/** users.updateOwnBasicInfo */
export class UsersUpdateOwnBasicInfoDto {
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => OwnBasicInfoDataDto)
  data: OwnBasicInfoDataDto;

  @IsOptional()
  @IsObject()
  customFields?: Record<string, unknown>;
}
