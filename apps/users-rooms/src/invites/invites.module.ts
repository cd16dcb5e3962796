import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RoomsModule } from '../rooms/rooms.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { UsersModule } from '../users/users.module';
import { InvitesController } from './invites.controller';
import { InvitesRepository } from './invites.repository';
import { InvitesService } from './invites.service';
import { Invite, InviteSchema } from './schemas/invite.schema';

/** Owner of `rocketchat_invites`: invite links to rooms, and joining a room with one. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: Invite.name, schema: InviteSchema }]),
    RoomsModule,
    SubscriptionsModule,
    UsersModule,
  ],
  controllers: [InvitesController],
  providers: [InvitesRepository, InvitesService],
})
export class InvitesModule {}
