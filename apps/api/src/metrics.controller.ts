import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Errors, MetricsService } from '@kintsugi/platform';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Prometheus scrape endpoint: from the loopback address only. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async scrape(@Req() req: Request): Promise<string> {
    if (!LOOPBACK.test(req.socket.remoteAddress ?? ''))
      throw Errors.forbidden('Metrics are served to the loopback address only.');
    return this.metrics.registry.metrics();
  }
}
