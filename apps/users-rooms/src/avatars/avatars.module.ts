import { Module } from '@nestjs/common';
import { AuthorizationModule } from '../authorization/authorization.module';
import { RoomsModule } from '../rooms/rooms.module';
import { SettingsModule } from '../settings/settings.module';
import { UsersModule } from '../users/users.module';

@Module({
  imports: [RoomsModule, SettingsModule, AuthorizationModule, UsersModule],
  controllers: [],
  providers: [],
})
export class AvatarsModule {}
