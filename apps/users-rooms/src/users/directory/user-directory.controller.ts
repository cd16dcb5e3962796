import { Controller } from '@nestjs/common';
import {
  UsersAutocompletePayload,
  UsersCheckUsernameAvailabilityPayload,
  UsersListByStatusPayload,
  UsersListTeamsPayload,
  UsersPattern,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { UsernamesService } from '../usernames.service';
import { UserDirectoryService } from './user-directory.service';

/** Finding users: by status, by autocomplete, whether a username is free, and their teams. */
@Controller()
export class UserDirectoryController {
  constructor(
    private readonly directory: UserDirectoryService,
    private readonly usernames: UsernamesService,
  ) {}

  @Handles(UsersPattern.ListByStatus)
  listByStatus(p: UsersListByStatusPayload) {
    return this.directory.listByStatus(p);
  }

  @Handles(UsersPattern.Autocomplete)
  autocomplete(p: UsersAutocompletePayload) {
    return this.directory.autocomplete(p);
  }

  @Handles(UsersPattern.CheckUsernameAvailability)
  checkUsernameAvailability(p: UsersCheckUsernameAvailabilityPayload) {
    return this.usernames.checkForCaller(p.caller._id, p.username);
  }

  @Handles(UsersPattern.ListTeams)
  listTeams(p: UsersListTeamsPayload) {
    return this.directory.listTeams(p);
  }
}
