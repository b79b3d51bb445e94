import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Errors, MetricsService, Public } from '@kintsugi/platform';
import { AccessTokensService, isAdmin } from '@kintsugi/identity';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Prometheus scrape endpoint: from the loopback address, or with an admin's token. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly tokens: AccessTokensService,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async scrape(@Req() req: Request): Promise<string> {
    if (!LOOPBACK.test(req.socket.remoteAddress ?? '')) {
      const [, token] = (req.headers.authorization ?? '').split(' ');
      if (!isAdmin(await this.tokens.authenticate(token)))
        throw Errors.forbidden('Metrics are for admins.');
    }
    return this.metrics.registry.metrics();
  }
}
