import { Injectable } from '@nestjs/common';
import type { PageRequest } from '@app/contracts';
import { parsePageRequest, parsePagination, PagingRules, RawPaging } from '@app/paging';
import { GatewaySettingsService } from './gateway-settings.service';

/** offset/count/sort/fields/query of a list request, with the current REST API settings. */
@Injectable()
export class PagingParser {
  constructor(private readonly settings: GatewaySettingsService) {}

  async page(raw: RawPaging, rules: PagingRules = {}): Promise<PageRequest> {
    return parsePageRequest(raw, await this.settings.paging(), rules);
  }

  async offsetCount(raw: RawPaging): Promise<{ offset: number; count: number }> {
    return parsePagination(raw, await this.settings.paging());
  }
}
