import { IsDefined, IsObject, IsOptional, IsString } from 'class-validator';

/** users.setPreferences; the keys of `data` are checked by the service against Rocket.Chat's preference list. */
export class UsersSetPreferencesDto {
  @IsOptional()
  @IsString()
  userId?: string;

  @IsDefined()
  @IsObject()
  data: Record<string, unknown>;
}
