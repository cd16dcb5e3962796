import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Trash, TrashSchema } from './schemas/trash.schema';
import { TrashRepository } from './trash.repository';

/** Owner of `rocketchat__trash`: what the repositories of synced collections removed, and when. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Trash.name, schema: TrashSchema }])],
  providers: [TrashRepository],
  exports: [TrashRepository],
})
export class TrashModule {}
