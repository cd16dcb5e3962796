import { Controller } from '@nestjs/common';
import { UsersEmailPayload, UsersPattern } from '@app/contracts';
import { Handles } from '@app/transport';
import { UserEmailsService } from './user-emails.service';

/** users.sendConfirmationEmail, users.sendWelcomeEmail */
@Controller()
export class UserEmailsController {
  constructor(private readonly emails: UserEmailsService) {}

  @Handles(UsersPattern.SendConfirmationEmail)
  sendConfirmationEmail(p: UsersEmailPayload) {
    return this.emails.sendConfirmationEmail(p);
  }

  @Handles(UsersPattern.SendWelcomeEmail)
  sendWelcomeEmail(p: UsersEmailPayload) {
    return this.emails.sendWelcomeEmail(p);
  }
}
