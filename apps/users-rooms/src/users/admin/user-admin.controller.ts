import { Controller } from '@nestjs/common';
import {
  DeactivateIdlePayload,
  RawBodyPayload,
  UsersPattern,
  UsersSetActiveStatusPayload,
  UsersUpdateOwnBasicInfoPayload,
  UsersUpdatePayload,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { IdleUsersService } from './idle-users.service';
import { UserEditService } from './user-edit.service';
import { UserLifecycleService } from './user-lifecycle.service';

/** Editing, activating, deactivating and deleting users. */
@Controller()
export class UserAdminController {
  constructor(
    private readonly edit: UserEditService,
    private readonly lifecycle: UserLifecycleService,
    private readonly idleUsers: IdleUsersService,
  ) {}

  @Handles(UsersPattern.Update)
  update(p: UsersUpdatePayload) {
    return this.edit.update(p);
  }

  @Handles(UsersPattern.UpdateOwnBasicInfo)
  updateOwnBasicInfo(p: UsersUpdateOwnBasicInfoPayload) {
    return this.edit.updateOwnBasicInfo(p);
  }

  @Handles(UsersPattern.SetActiveStatus)
  setActiveStatus(p: UsersSetActiveStatusPayload) {
    return this.lifecycle.setActiveStatus(p);
  }

  @Handles(UsersPattern.Delete)
  delete(p: RawBodyPayload) {
    return this.lifecycle.delete(p);
  }

  @Handles(UsersPattern.DeleteOwnAccount)
  deleteOwnAccount(p: RawBodyPayload) {
    return this.lifecycle.deleteOwnAccount(p);
  }

  @Handles(UsersPattern.DeactivateIdle)
  deactivateIdle(p: DeactivateIdlePayload) {
    return this.idleUsers.deactivateIdle(p);
  }
}
