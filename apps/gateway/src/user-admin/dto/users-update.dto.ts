import { PartialType } from '@nestjs/mapped-types';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { UsersCreateDto } from '../../users/dto/users-create.dto';

/** users.update `data`: the users.create keys, all optional, plus `status` (Rocket.Chat's schema: these only). */
export class UsersUpdateDataDto extends PartialType(UsersCreateDto) {
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
