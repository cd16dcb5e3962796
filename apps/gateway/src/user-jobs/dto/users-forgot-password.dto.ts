import { IsOptional, IsString } from 'class-validator';

/** users.forgotPassword: a missing `email` is the service's 400 ("The 'email' param is required"). */
export class UsersForgotPasswordDto {
  @IsOptional()
  @IsString()
  email?: string;
}
