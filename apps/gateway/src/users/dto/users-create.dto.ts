import { IsArray, IsBoolean, IsDefined, IsObject, IsOptional, IsString } from 'class-validator';

/** users.create (Rocket.Chat's schema: these keys only). */
export class UsersCreateDto {
  @IsDefined()
  @IsString()
  email: string;

  @IsDefined()
  @IsString()
  name: string;

  @IsDefined()
  @IsString()
  password: string;

  @IsDefined()
  @IsString()
  username: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

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
}
