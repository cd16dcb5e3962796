import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TrashModule } from '../trash/trash.module';
import { Subscription, SubscriptionSchema } from './schemas/subscription.schema';
import { SubscriptionsRepository } from './subscriptions.repository';

/** Owner of `rocketchat_subscription` (one per user per room): unread state, room roles, notification prefs. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Subscription.name, schema: SubscriptionSchema }]), TrashModule],
  providers: [SubscriptionsRepository],
  exports: [SubscriptionsRepository, TrashModule],
})
export class SubscriptionsModule {}
