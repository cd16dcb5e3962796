import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AuthUser,
  ListPayload,
  LoginPayload,
  ResolveTokenPayload,
  UsersCreatePayload,
  UsersInfoPayload,
  UsersRoomsPattern,
} from '@app/contracts';
import { AuthService } from '../auth/auth.service';
import { UsersService } from './users.service';

@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @MessagePattern(UsersRoomsPattern.Login)
  login(@Payload() p: LoginPayload) {
    return this.auth.login(p);
  }

  @MessagePattern(UsersRoomsPattern.Logout)
  logout(@Payload() p: { caller: AuthUser }) {
    return this.auth.logout(p.caller);
  }

  @MessagePattern(UsersRoomsPattern.ResolveToken)
  resolveToken(@Payload() p: ResolveTokenPayload) {
    return this.auth.resolveToken(p.userId, p.hashedToken);
  }

  @MessagePattern(UsersRoomsPattern.Me)
  me(@Payload() p: { caller: AuthUser }) {
    return this.users.me(p.caller._id);
  }

  @MessagePattern(UsersRoomsPattern.UsersCreate)
  create(@Payload() p: UsersCreatePayload) {
    return this.users.create(p);
  }

  @MessagePattern(UsersRoomsPattern.UsersInfo)
  info(@Payload() p: UsersInfoPayload) {
    return this.users.info(p);
  }

  @MessagePattern(UsersRoomsPattern.UsersList)
  list(@Payload() p: ListPayload) {
    return this.users.list(p);
  }
}
