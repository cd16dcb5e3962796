import { Injectable } from '@nestjs/common';
import type { PageRequest } from '@app/contracts';
import { parsePageRequest, parsePagination, PagingRules, RawPaging } from '@app/paging';
import { SettingsReader } from '@app/settings';
import { GATEWAY_SETTING_DEFAULTS } from './gateway-settings';

/** offset/count/sort/fields/query of a list request, with the current REST API settings. */
@Injectable()
export class PagingParser {
  constructor(private readonly settings: SettingsReader) {}

  async page(raw: RawPaging, rules: PagingRules = {}): Promise<PageRequest> {
    return parsePageRequest(raw, await this.settings.view(GATEWAY_SETTING_DEFAULTS), rules);
  }

  async offsetCount(raw: RawPaging): Promise<{ offset: number; count: number }> {
    return parsePagination(raw, await this.settings.view(GATEWAY_SETTING_DEFAULTS));
  }
}
