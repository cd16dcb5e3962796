import { IsDefined, IsNumber, IsOptional, IsString, Min } from 'class-validator';

/** users.deactivateIdle (Rocket.Chat's UserDeactivateIdleParamsPOST). */
export class UsersDeactivateIdleDto {
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  daysIdle: number;

  @IsOptional()
  @IsString()
  role?: string;
}
