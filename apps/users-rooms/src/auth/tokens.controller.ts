import { Controller } from '@nestjs/common';
import {
  CallerPayload,
  CreateTokenPayload,
  UsersLogoutPayload,
  GeneratePersonalAccessTokenPayload,
  PersonalAccessTokenNamePayload,
  UsersTokensPattern,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { CreateTokenService } from './create-token.service';
import { PersonalAccessTokensService } from './personal-access-tokens.service';
import { SessionsService } from './sessions.service';

/** Personal access tokens, users.createToken, and ending sessions. */
@Controller()
export class TokensController {
  constructor(
    private readonly pats: PersonalAccessTokensService,
    private readonly tokens: CreateTokenService,
    private readonly sessions: SessionsService,
  ) {}

  @Handles(UsersTokensPattern.GeneratePersonalAccessToken)
  generate(p: GeneratePersonalAccessTokenPayload) {
    return this.pats.generate(p);
  }

  @Handles(UsersTokensPattern.RegeneratePersonalAccessToken)
  regenerate(p: PersonalAccessTokenNamePayload) {
    return this.pats.regenerate(p);
  }

  @Handles(UsersTokensPattern.RemovePersonalAccessToken)
  remove(p: PersonalAccessTokenNamePayload) {
    return this.pats.remove(p);
  }

  @Handles(UsersTokensPattern.GetPersonalAccessTokens)
  list(p: CallerPayload) {
    return this.pats.list(p.caller);
  }

  @Handles(UsersTokensPattern.CreateToken)
  createToken(p: CreateTokenPayload) {
    return this.tokens.createToken(p);
  }

  @Handles(UsersTokensPattern.Logout)
  logout(p: UsersLogoutPayload) {
    return this.sessions.logout(p);
  }

  @Handles(UsersTokensPattern.LogoutOtherClients)
  logoutOtherClients(p: CallerPayload) {
    return this.sessions.logoutOtherClients(p.caller);
  }

  @Handles(UsersTokensPattern.RemoveOtherTokens)
  removeOtherTokens(p: CallerPayload) {
    return this.sessions.removeOtherTokens(p.caller);
  }
}
