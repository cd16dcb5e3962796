import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MailModule } from '../mail/mail.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { IdleUsersService } from './admin/idle-users.service';
import { UserDirectoryController } from './directory/user-directory.controller';
import { UserDirectoryService } from './directory/user-directory.service';
import { UserEmailsController } from './emails/user-emails.controller';
import { UserEmailsService } from './emails/user-emails.service';
import { PasswordPolicyController } from './password-policy/password-policy.controller';
import { PasswordPolicyService } from './password-policy/password-policy.service';
import { UserStatusService } from './profile/user-status.service';
import { ProfileWriterService } from './admin/profile-writer.service';
import { UserAdminController } from './admin/user-admin.controller';
import { UserEditService } from './admin/user-edit.service';
import { UserLifecycleService } from './admin/user-lifecycle.service';
import { UserProfileController } from './profile/user-profile.controller';
import { UserProfileService } from './profile/user-profile.service';
import { RegistrationController } from './registration/registration.controller';
import { RegistrationService } from './registration/registration.service';
import { UserRolesController } from './roles/user-roles.controller';
import { UserRolesService } from './roles/user-roles.service';
import { User, UserSchema } from './schemas/user.schema';
import { UserSessionsService } from './user-sessions.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsernamesService } from './usernames.service';
import { UsersService } from './users.service';

/**
 * Owner of `users`: creating, reading, listing, editing, activating and deleting users, registration, presence,
 * preferences, and who holds which role. What a user change means for rooms is announced as `UserEvents` and
 * handled by the rooms context.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: User.name, schema: UserSchema }]), SubscriptionsModule, MailModule],
  controllers: [
    UsersController,
    UserAdminController,
    UserProfileController,
    RegistrationController,
    UserRolesController,
    UserDirectoryController,
    UserEmailsController,
    PasswordPolicyController,
  ],
  providers: [
    UsersRepository,
    UsersService,
    UserSessionsService,
    UserEditService,
    UserLifecycleService,
    ProfileWriterService,
    IdleUsersService,
    UserProfileService,
    RegistrationService,
    UserRolesService,
    UserStatusService,
    UserDirectoryService,
    UserEmailsService,
    UsernamesService,
    PasswordPolicyService,
  ],
  exports: [UsersRepository, UsersService, UserSessionsService, UsernamesService, PasswordPolicyService],
})
export class UsersModule {}
