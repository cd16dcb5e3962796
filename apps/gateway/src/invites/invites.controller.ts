import { Controller, Delete, Get, Header, Param, Post } from '@nestjs/common';
import { CurrentUser, Public } from '@app/auth';
import { AuthUser, InvitesPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { NoParams, ValidBody, ValidQuery } from '@app/validation';
import { FindOrCreateInviteDto, InviteTokenDto } from './dto/invites.dto';

/**
 * Invite links. Rocket.Chat's quirks kept: listInvites answers a bare JSON array, removeInvite/:_id answers a
 * bare `true`, and validateInviteToken needs no login and answers `valid` rather than refusing.
 */
@Controller('api/v1')
export class InvitesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('findOrCreateInvite')
  findOrCreate(@CurrentUser() caller: AuthUser, @ValidBody(FindOrCreateInviteDto) dto: FindOrCreateInviteDto) {
    return this.rpc.send(InvitesPattern.FindOrCreate, { caller, ...dto });
  }

  @Get('listInvites')
  list(@CurrentUser() caller: AuthUser, @ValidQuery(NoParams) _dto: Record<string, never>) {
    return this.rpc.send(InvitesPattern.List, { caller });
  }

  /** Rocket.Chat answers the bare JSON `true` (Nest would send a primitive as text) */
  @Header('Content-Type', 'application/json; charset=utf-8')
  @Delete('removeInvite/:_id')
  remove(@CurrentUser() caller: AuthUser, @Param('_id') _id: string) {
    return this.rpc.send(InvitesPattern.Remove, { caller, _id });
  }

  @Post('useInviteToken')
  use(@CurrentUser() caller: AuthUser, @ValidBody(InviteTokenDto) dto: InviteTokenDto) {
    return this.rpc.send(InvitesPattern.Use, { caller, ...dto });
  }

  @Public()
  @Post('validateInviteToken')
  validate(@ValidBody(InviteTokenDto) dto: InviteTokenDto) {
    return this.rpc.send(InvitesPattern.Validate, { token: dto.token });
  }
}
