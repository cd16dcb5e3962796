import { Module } from '@nestjs/common';
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
  providers: [UsersService, AuthService],
  exports: [UsersService],
})
export class UsersModule {}
