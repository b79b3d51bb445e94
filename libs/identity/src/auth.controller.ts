import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from './auth.decorators';
import { LoginDto, RefreshDto, RegisterDto } from './auth.dto';
import { AuthService, SignedIn, TokenPair } from './auth.service';
import { clientAddress } from './client-address';

@ApiTags('identity')
@Public()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  register(@Body() body: RegisterDto, @Req() req: Request): Promise<SignedIn> {
    return this.auth.register(body, clientAddress(req));
  }

  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Req() req: Request): Promise<SignedIn> {
    return this.auth.login(body, clientAddress(req));
  }

  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  logout(@Body() body: RefreshDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }
}
