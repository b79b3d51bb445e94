import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { QUEUES, toErrorBody } from '@kintsugi/platform';
import { IdentityCoreModule } from '@kintsugi/identity';
import { QueueDashboardController } from './queue-dashboard.controller';
import { DASHBOARD_PATH, QueueDashboardSessions } from './queue-dashboard.sessions';

/**
 * The BullMQ dashboard of every queue at /admin/queues, for admins only,
 * in the API app. It is mounted on the Express instance rather than through
 * Nest routing because it lives outside the `/api` prefix and serves a whole
 * sub-application (pages, assets, its own JSON API).
 */
@Module({
  imports: [IdentityCoreModule],
  controllers: [QueueDashboardController],
  providers: [QueueDashboardSessions],
})
export class QueueDashboardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly sessions: QueueDashboardSessions,
  ) {}

  onModuleInit(): void {
    const board = new ExpressAdapter();
    board.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: Object.values(QUEUES).map(
        (name) =>
          new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })),
      ),
      // @bull-board/express pins its own copy of @bull-board/api (a patch version apart): same shape, other declarations.
      serverAdapter: board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    });
    this.adapterHost.httpAdapter
      .getInstance()
      .use(
        DASHBOARD_PATH,
        (req: Request, res: Response, next: NextFunction) => this.guard(req, res, next),
        board.getRouter(),
      );
  }

  private guard(req: Request, res: Response, next: NextFunction): void {
    this.sessions.admin(req).then(
      () => next(),
      (error: unknown) => {
        const { body } = toErrorBody(error);
        res.status(body.statusCode).json(body);
      },
    );
  }
}
