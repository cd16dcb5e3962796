import { Module } from '@nestjs/common';
import { LoginAttemptsService } from '../accounts/login-attempts/login-attempts.service';
import { OAuthLoginService } from '../accounts/oauth/oauth-login.service';
import { AuthService } from '../auth/auth.service';
import { AuthorizationModule } from '../authorization/authorization.module';
import { RoomsModule } from '../rooms/rooms.module';
import { SettingsModule } from '../settings/settings.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Users and their login tokens (the `users` model is registered by RoomsModule, which shares it). */
@Module({
  imports: [RoomsModule, SettingsModule, AuthorizationModule],
  controllers: [UsersController],
  // the accounts area's login-side services sit here, beside the AuthService that calls them
  providers: [UsersService, AuthService, LoginAttemptsService, OAuthLoginService],
  exports: [UsersService],
})
export class UsersModule {}
