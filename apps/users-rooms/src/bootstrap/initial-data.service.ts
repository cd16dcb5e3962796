import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import { RcError } from '@app/envelope';
import { SettingsService } from '../settings/settings.service';
import { UsersService } from '../users/users.service';
import { UsersRepository } from '../users/users.repository';
import { RoomsRepository } from '../rooms/rooms.repository';

/**
 * Rocket.Chat's initialData on every start: room GENERAL once, bot user rocket.cat, and the first admin from
 * ADMIN_USERNAME / ADMIN_PASS / ADMIN_EMAIL when no user has the admin role. Several replicas may run this at
 * once: every write is an upsert or guarded by a unique index.
 */
@Injectable()
export class InitialDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(InitialDataService.name);

  constructor(
    private readonly rooms: RoomsRepository,
    private readonly users: UsersRepository,
    @Inject(APP_ENV) private readonly env: UsersRoomsEnv,
    private readonly settings: SettingsService,
    private readonly usersService: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const now = new Date();
    if (!(await this.settings.get<boolean>('Initial_Channel_Created'))) {
      await this.rooms.updateOne(
        { _id: 'GENERAL' },
        {
          $setOnInsert: {
            t: 'c',
            name: 'general',
            fname: 'general',
            default: true,
            msgs: 0,
            usersCount: 0,
            ts: now,
            ro: false,
            sysMes: true,
            _updatedAt: now,
          },
        },
        { upsert: true },
      );
      await this.settings.set('Initial_Channel_Created', true);
    }
    await this.users.updateOne(
      { _id: 'rocket.cat' },
      {
        $setOnInsert: {
          username: 'rocket.cat',
          name: 'Rocket.Cat',
          type: 'bot',
          active: true,
          roles: ['bot'],
          status: 'online',
          statusDefault: 'online',
          utcOffset: 0,
          createdAt: now,
          _updatedAt: now,
        },
      },
      { upsert: true },
    );
    await this.createAdmin();
  }

  private async createAdmin(): Promise<void> {
    const { ADMIN_PASS, ADMIN_USERNAME, ADMIN_EMAIL, ADMIN_NAME, ADMIN_EMAIL_VERIFIED } = this.env;
    if (!ADMIN_PASS || (await this.users.exists({ roles: 'admin' }))) {
      return;
    }
    try {
      await this.usersService.insert({
        username: ADMIN_USERNAME,
        name: ADMIN_NAME,
        email: ADMIN_EMAIL || undefined,
        verified: ADMIN_EMAIL_VERIFIED,
        password: ADMIN_PASS,
        roles: ['admin'],
        active: true,
        joinDefaultChannels: true,
      });
      this.logger.log(`created admin user "${ADMIN_USERNAME}"`);
    } catch (err) {
      // another replica created it first, or the name is taken: Rocket.Chat ignores the variables then
      if (!(err instanceof RcError)) {
        throw err;
      }
      this.logger.warn(`admin user not created: ${err.message}`);
    }
  }
}
