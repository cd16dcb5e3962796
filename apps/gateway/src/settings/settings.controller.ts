import { Controller, Get, Param, Post } from '@nestjs/common';
import { CurrentUser, Permissions, Public } from '@app/auth';
import { AuthUser, SETTINGS_QUERY_FIELDS, SettingsPattern, TwoFactorInput } from '@app/contracts';
import { SettingsClient } from '@app/settings';
import { RpcClient } from '@app/transport';
import { isTrue, NoParams, ValidBody, ValidQuery } from '@app/validation';
import { PagingParser } from '../platform/paging.parser';
import { TwoFactor } from '../platform/two-factor.decorator';
import { SettingsListDto, SettingsPublicDto, SettingsUpdateDto } from './dto/settings.dto';

const SETTINGS_PAGING = { queryFields: SETTINGS_QUERY_FIELDS };

/** settings.public, settings.oauth, service.configurations, settings, settings/:_id. */
@Controller('api/v1')
export class SettingsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly paging: PagingParser,
    private readonly settings: SettingsClient,
  ) {}

  @Get('settings.public')
  @Public()
  async publicSettings(@ValidQuery(SettingsPublicDto) { _id, ...raw }: SettingsPublicDto) {
    const page = await this.paging.page(raw, SETTINGS_PAGING);
    const ids = (_id ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    return this.rpc.send(SettingsPattern.Public, { page, ...(ids.length ? { ids } : {}) });
  }

  @Get('settings.oauth')
  @Public()
  oauth(@ValidQuery(NoParams) _: object) {
    return this.rpc.send(SettingsPattern.OAuth, {});
  }

  @Get('service.configurations')
  @Public()
  serviceConfigurations(@ValidQuery(NoParams) _: object) {
    return this.rpc.send(SettingsPattern.ServiceConfigurations, {});
  }

  @Get('settings')
  async list(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(SettingsListDto) { includeDefaults, ...raw }: SettingsListDto,
  ) {
    const page = await this.paging.page(raw, SETTINGS_PAGING);
    return this.rpc.send(SettingsPattern.List, { caller, page, includeDefaults: isTrue(includeDefaults) });
  }

  @Get('settings/:_id')
  @Permissions('view-privileged-setting')
  getOne(@CurrentUser() caller: AuthUser, @Param('_id') _id: string, @ValidQuery(NoParams) _: object) {
    return this.rpc.send(SettingsPattern.GetOne, { caller, _id });
  }

  /** twoFactorRequired in Rocket.Chat; the service checks the permissions (per-setting ones included). */
  @Post('settings/:_id')
  async update(
    @CurrentUser() caller: AuthUser,
    @Param('_id') _id: string,
    @ValidBody(SettingsUpdateDto) dto: SettingsUpdateDto,
    @TwoFactor() twoFactor: TwoFactorInput,
  ) {
    const result = await this.rpc.send(SettingsPattern.Update, { caller, _id, ...dto, twoFactor });
    this.settings.invalidate();
    return result;
  }
}
