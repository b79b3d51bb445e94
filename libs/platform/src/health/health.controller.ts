import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import { DomainError } from '../errors/domain-error';
import { Public } from '../http/public.decorator';
import { RedisClient } from '../redis/redis.module';

const CHECK_TIMEOUT_MS = 1500;

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisClient,
  ) {}

  /** Liveness: 200 while the process runs. */
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis both answer, else 503 naming the one that failed. */
  @Get('ready')
  async ready(): Promise<unknown> {
    try {
      return await this.health.check([
        () => this.postgres.pingCheck('postgres').withTimeout(CHECK_TIMEOUT_MS),
        () =>
          this.indicators
            .check('redis')
            .attempt(async () => {
              await this.redis.ping();
            })
            .withTimeout(CHECK_TIMEOUT_MS),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const failed = Object.keys((error.getResponse() as { error?: object }).error ?? {});
      throw new DomainError(
        'UNAVAILABLE',
        503,
        `Not ready: ${failed.join(' and ')} ${failed.length === 1 ? 'is' : 'are'} down.`,
        failed.map((field) => ({ field, problem: 'down' })),
      );
    }
  }
}
