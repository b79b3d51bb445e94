import { BullRegistrar, WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import { OutboxCompletions } from '../outbox/outbox-completions';
import { QueueConnections } from './queue-connections';

/**
 * Starts the BullMQ worker of every processor (QueueModule turns off
 * @nestjs/bullmq's own start, manualRegistration), after two things that must
 * hold from a worker's first moment:
 *
 * - every job's outbox row is marked done when its processor returns, before
 *   BullMQ counts the job complete (DESIGN.md invariant 4). Done here for
 *   every processor, so none can forget it: a row left owed would be added
 *   again once BullMQ had dropped its finished job, and run twice.
 * - QueueConnections listens to the worker before it can fail to connect.
 */
@Injectable()
export class QueueWorkers implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly registrar: BullRegistrar,
    private readonly completions: OutboxCompletions,
    private readonly connections: QueueConnections,
  ) {}

  onModuleInit(): void {
    const hosts = this.processors();
    for (const host of hosts) this.markDoneOnReturn(host);
    // Reads each host's process() now, so after the line above.
    this.registrar.register();
    for (const host of hosts) this.connections.watch(`worker ${host.worker.name}`, host.worker);
  }

  private markDoneOnReturn(host: WorkerHost): void {
    const perform = host.process.bind(host);
    host.process = async (job: Job, token?: string) => {
      const result: unknown = await perform(job, token);
      if (job.id) await this.completions.record(job.queueName, job.id);
      return result;
    };
  }

  private processors(): WorkerHost[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
  }
}
