import { IsDefined, IsObject, IsOptional, IsString } from 'class-validator';

/** users.register (Rocket.Chat's UserRegisterParamsPOST: these keys only). */
export class UsersRegisterDto {
  @IsDefined()
  @IsString()
  username: string;

  @IsDefined()
  @IsString()
  email: string;

  @IsDefined()
  @IsString()
  pass: string;

  @IsOptional()
  @IsString()
  name?: string;

  @IsOptional()
  @IsString()
  secret?: string;

  @IsOptional()
  @IsString()
  reason?: string;

  /** accepted as Rocket.Chat does; stored only where `Accounts_CustomFields` defines fields (none here) */
  @IsOptional()
  @IsObject()
  customFields?: Record<string, unknown>;
}
