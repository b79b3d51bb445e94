import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { QUEUES } from '../queue/queues';

/** Prometheus metrics: HTTP latency, sockets, messages, queue depth and lateness. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'kintsugi_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly socketConnections = new Gauge({
    name: 'kintsugi_socket_connections',
    help: 'Open socket.io connections on this process',
    registers: [this.registry],
  });

  readonly messagesSent = new Counter({
    name: 'kintsugi_messages_sent_total',
    help: 'Messages committed, by door',
    labelNames: ['door'],
    registers: [this.registry],
  });

  readonly jobLateness = new Histogram({
    name: 'kintsugi_job_lateness_seconds',
    help: 'How long after its due time a delayed job started, by queue',
    labelNames: ['queue'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15, 60],
    registers: [this.registry],
  });

  constructor(
    @InjectQueue(QUEUES.moderation) moderation: Queue,
    @InjectQueue(QUEUES.sessions) sessions: Queue,
    @InjectQueue(QUEUES.reminders) reminders: Queue,
    @InjectQueue(QUEUES.email) email: Queue,
    @InjectQueue(QUEUES.checkins) checkins: Queue,
  ) {
    const queues = [moderation, sessions, reminders, email, checkins];
    collectDefaultMetrics({ register: this.registry, prefix: 'kintsugi_' });
    new Gauge({
      name: 'kintsugi_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const queue of queues) {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
          for (const [state, count] of Object.entries(counts))
            this.set({ queue: queue.name, state }, count);
        }
      },
    });
  }

  /** Express middleware timing every request by its route pattern (never the raw path: ids are not labels). */
  httpTimer() {
    return (req: Request, res: Response, next: NextFunction) => {
      const end = this.httpDuration.startTimer();
      res.on('finish', () => {
        const route = (req.route?.path as string | undefined) ?? 'unmatched';
        end({
          method: req.method,
          route: `${req.baseUrl}${route}`,
          status: String(res.statusCode),
        });
      });
      next();
    };
  }
}
