import { Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Env } from '@kintsugi/platform';
import { AuthUser, CurrentUser, Roles } from '@kintsugi/identity';
import {
  DASHBOARD_PATH,
  QueueDashboardSessions,
  SESSION_COOKIE,
  SESSION_TTL_SECONDS,
} from './queue-dashboard.sessions';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/queues')
export class QueueDashboardController {
  constructor(
    private readonly sessions: QueueDashboardSessions,
    private readonly env: Env,
  ) {}

  @Post('session')
  @ApiOperation({
    summary: `Opens the queue dashboard (${DASHBOARD_PATH}) in a browser for 15 minutes: sets an HttpOnly cookie scoped to it`,
  })
  async open(
    @CurrentUser() admin: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ url: string; expiresAt: string }> {
    const { token, expiresAt } = await this.sessions.open(admin);
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.env.NODE_ENV === 'production',
      path: DASHBOARD_PATH,
      maxAge: SESSION_TTL_SECONDS * 1000,
    });
    return { url: DASHBOARD_PATH, expiresAt: expiresAt.toISOString() };
  }
}
