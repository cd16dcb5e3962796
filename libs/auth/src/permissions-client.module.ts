import { Global, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { InternalPattern, RcEvent } from '@app/contracts';
import { EventBus, RpcClient } from '@app/transport';
import { PermissionStore } from './permission-store';

@Injectable()
class PermissionsInvalidation implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly permissions: PermissionStore,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.events.subscribe((event) => {
      if (event === RcEvent.PermissionsChanged) {
        this.permissions.invalidate();
      }
    });
  }
}

/**
 * The permission → roles table for every app but its owner: loaded once from users-rooms, reloaded on every
 * replica when any replica publishes `permissions.changed`. Checks are set look-ups in memory.
 */
@Global()
@Module({
  providers: [
    {
      provide: PermissionStore,
      inject: [RpcClient],
      useFactory: (rpc: RpcClient) => new PermissionStore(() => rpc.send(InternalPattern.PermissionsAll, {})),
    },
    PermissionsInvalidation,
  ],
  exports: [PermissionStore],
})
export class PermissionsClientModule {}
