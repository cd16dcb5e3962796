import { Controller, Get } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, DirectoryPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { ValidQuery } from '@app/validation';
import { PagingParser } from '../platform/paging.parser';
import { DirectoryDto, SpotlightDto } from './dto/directory.dto';

/** Searching the server: `directory` (users, channels, teams) and `spotlight` (users and rooms). */
@Controller('api/v1')
export class DirectoryController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly paging: PagingParser,
  ) {}

  @Get('directory')
  async directory(@CurrentUser() caller: AuthUser, @ValidQuery(DirectoryDto) dto: DirectoryDto) {
    const { text, type, workspace, ...paging } = dto;
    const page = await this.paging.page(paging);
    return this.rpc.send(DirectoryPattern.Directory, { caller, text, type, workspace, page });
  }

  @Get('spotlight')
  spotlight(@CurrentUser() caller: AuthUser, @ValidQuery(SpotlightDto) dto: SpotlightDto) {
    return this.rpc.send(DirectoryPattern.Spotlight, { caller, ...dto });
  }
}
