import { IsBoolean, IsDefined, IsOptional, IsString } from 'class-validator';

/** users.setActiveStatus */
export class UsersSetActiveStatusDto {
  @IsDefined()
  @IsString()
  userId: string;

  @IsDefined()
  @IsBoolean()
  activeStatus: boolean;

  @IsOptional()
  @IsBoolean()
  confirmRelinquish?: boolean;
}
