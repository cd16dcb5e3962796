import { Controller } from '@nestjs/common';
import {
  CallerPayload,
  FindOrCreateInvitePayload,
  InvitesPattern,
  RemoveInvitePayload,
  UseInviteTokenPayload,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { InvitesService } from './invites.service';

/** Invite links to rooms. */
@Controller()
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Handles(InvitesPattern.FindOrCreate)
  findOrCreate(p: FindOrCreateInvitePayload) {
    return this.invites.findOrCreate(p);
  }

  @Handles(InvitesPattern.List)
  list(p: CallerPayload) {
    return this.invites.list(p);
  }

  @Handles(InvitesPattern.Remove)
  remove(p: RemoveInvitePayload) {
    return this.invites.remove(p);
  }

  @Handles(InvitesPattern.Use)
  use(p: UseInviteTokenPayload) {
    return this.invites.use(p);
  }

  @Handles(InvitesPattern.Validate)
  validate(p: { token: string }) {
    return this.invites.validate(p.token);
  }
}
