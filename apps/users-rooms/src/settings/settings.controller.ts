import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SettingsGetPayload, UsersRoomsPattern } from '@app/contracts';
import { SettingsService } from './settings.service';

@Controller()
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @MessagePattern(UsersRoomsPattern.SettingsGet)
  get(@Payload() payload: SettingsGetPayload) {
    return this.settings.getMany(payload.ids);
  }
}
