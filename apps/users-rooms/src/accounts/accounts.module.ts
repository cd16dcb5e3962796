import { Module } from '@nestjs/common';
import { AuthorizationModule } from '../authorization/authorization.module';
import { RoomsModule } from '../rooms/rooms.module';
import { SettingsModule } from '../settings/settings.module';
import { UserAdminModule } from '../user-admin/user-admin.module';
import { UsersModule } from '../users/users.module';
import { AccountsController } from './accounts.controller';
import { CreateTokenService } from './create-token.service';
import { PersonalAccessTokensService } from './personal-access-tokens.service';

/**
 * Personal access tokens and users.createToken. The login-side parts of this area (OAuth access-token logins,
 * failed-login blocking) are providers of UsersModule, next to the AuthService that calls them.
 */
@Module({
  imports: [RoomsModule, SettingsModule, AuthorizationModule, UsersModule, UserAdminModule],
  controllers: [AccountsController],
  providers: [PersonalAccessTokensService, CreateTokenService],
})
export class AccountsModule {}
