import { Controller } from '@nestjs/common';
import { RegisterPayload, UsersPattern } from '@app/contracts';
import { Handles } from '@app/transport';
import { RegistrationService } from './registration.service';

@Controller()
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Handles(UsersPattern.Register)
  register(p: RegisterPayload) {
    return this.registration.register(p);
  }
}
