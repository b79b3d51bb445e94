import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Env } from '@kintsugi/platform';
import { AccessTokensService } from './access-tokens.service';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AdminUsersController } from './admin-users.controller';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { PasswordsService } from './passwords.service';
import { PersonalDataRegistry } from './personal-data.registry';
import { RefreshToken } from './refresh-token.entity';
import { RefreshTokensService } from './refresh-tokens.service';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** Identity core: accounts, tokens and the guard. Global so every feature can check who is calling. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User, RefreshToken]),
    JwtModule.registerAsync({
      inject: [Env],
      useFactory: (env: Env) => ({ secret: env.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [AccessTokensService, PasswordsService, PersonalDataRegistry, UsersService],
  exports: [AccessTokensService, PasswordsService, PersonalDataRegistry, UsersService],
})
export class IdentityCoreModule {}

/** The HTTP side of identity, for the API app. */
@Module({
  imports: [IdentityCoreModule],
  controllers: [AuthController, MeController, AdminUsersController],
  providers: [
    AuthService,
    MeService,
    RefreshTokensService,
    AdminBootstrapService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class IdentityModule {}
