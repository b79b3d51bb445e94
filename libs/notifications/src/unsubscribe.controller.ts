import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Errors, Public } from '@kintsugi/platform';
import { UsersService } from '@kintsugi/identity';
import { UnsubscribeQuery } from './notifications.dto';
import { UnsubscribeLinks } from './unsubscribe-links';

const DONE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>E-mails turned off</title></head>
<body><p>You will no longer get e-mails from us. You can turn them back on in your settings.</p></body></html>`;

const UNSUBSCRIBE_ROUTE = 'notifications/unsubscribe';
/** Where the global prefix puts it (the only path that takes a form body). */
export const UNSUBSCRIBE_PATH = `/api/${UNSUBSCRIBE_ROUTE}`;

/** The link in every e-mail: works without signing in (the token is signed for one member). */
@ApiTags('notifications')
@Public()
@Controller(UNSUBSCRIBE_ROUTE)
export class UnsubscribeController {
  constructor(
    private readonly links: UnsubscribeLinks,
    private readonly users: UsersService,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'One-click unsubscribe from e-mail (link in the e-mail body)' })
  async viaLink(@Query() query: UnsubscribeQuery): Promise<string> {
    await this.unsubscribe(query.token);
    return DONE_PAGE;
  }

  /** Mail providers post `List-Unsubscribe=One-Click` as a form: the body is accepted and ignored. */
  @Post()
  @HttpCode(204)
  @ApiOperation({ summary: 'RFC 8058 one-click unsubscribe (List-Unsubscribe-Post)' })
  async oneClick(@Query() query: UnsubscribeQuery): Promise<void> {
    await this.unsubscribe(query.token);
  }

  private async unsubscribe(token: string): Promise<void> {
    const userId = this.links.userIdFrom(token);
    if (!userId) throw Errors.validation([{ field: 'token', problem: 'is not a valid link' }]);
    await this.users.turnOffEmailReminders(userId);
  }
}
