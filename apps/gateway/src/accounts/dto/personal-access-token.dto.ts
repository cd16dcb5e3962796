import { IsBoolean, IsOptional, IsString } from 'class-validator';

/**
 * users.generatePersonalAccessToken. `tokenName` is checked by the service, so a missing one gets Rocket.Chat's
 * own answer (400 "The 'tokenName' param is required").
 */
export class GeneratePersonalAccessTokenDto {
  @IsOptional()
  @IsString()
  tokenName?: string;

  @IsOptional()
  @IsBoolean()
  bypassTwoFactor?: boolean;
}

/** users.regeneratePersonalAccessToken and users.removePersonalAccessToken. */
export class PersonalAccessTokenNameDto {
  @IsOptional()
  @IsString()
  tokenName?: string;
}
