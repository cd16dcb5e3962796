import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AccountsPattern,
  AuthUser,
  CreateTokenPayload,
  GeneratePersonalAccessTokenPayload,
  PersonalAccessTokenNamePayload,
} from '@app/contracts';
import { CreateTokenService } from './create-token.service';
import { PersonalAccessTokensService } from './personal-access-tokens.service';

@Controller()
export class AccountsController {
  constructor(
    private readonly pats: PersonalAccessTokensService,
    private readonly tokens: CreateTokenService,
  ) {}

  @MessagePattern(AccountsPattern.GeneratePersonalAccessToken)
  generate(@Payload() p: GeneratePersonalAccessTokenPayload) {
    return this.pats.generate(p);
  }

  @MessagePattern(AccountsPattern.RegeneratePersonalAccessToken)
  regenerate(@Payload() p: PersonalAccessTokenNamePayload) {
    return this.pats.regenerate(p);
  }

  @MessagePattern(AccountsPattern.RemovePersonalAccessToken)
  remove(@Payload() p: PersonalAccessTokenNamePayload) {
    return this.pats.remove(p);
  }

  @MessagePattern(AccountsPattern.GetPersonalAccessTokens)
  list(@Payload() p: { caller: AuthUser }) {
    return this.pats.list(p.caller);
  }

  @MessagePattern(AccountsPattern.CreateToken)
  createToken(@Payload() p: CreateTokenPayload) {
    return this.tokens.createToken(p);
  }
}
