import { Module } from '@nestjs/common';
import { RoomsModule } from '../rooms/rooms.module';
import { UsersModule } from '../users/users.module';
import { InitialDataService } from './initial-data.service';

/** Rocket.Chat's initial data at every start (GENERAL, rocket.cat, the first admin). */
@Module({ imports: [UsersModule, RoomsModule], providers: [InitialDataService] })
export class BootstrapModule {}
