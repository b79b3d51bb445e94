import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager } from 'typeorm';
import { Clock, Errors, OutboxService } from '@kintsugi/platform';
import { UsersService } from '@kintsugi/identity';
import { addDays, Day, daysBetween, localDay } from './check-in-days';
import { CheckIn } from './checkin.entity';
import { CheckInView, toCheckInView } from './checkin.view';
import type { ListCheckInsQuery, RecordCheckInDto } from './checkins.dto';
import { CheckInErrors } from './checkins.errors';
import { CheckInJobs } from './checkins.jobs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A default list is the last 90 days (13 weeks of trend); no list spans more than 367 days. */
const DEFAULT_SPAN_DAYS = 89;
const MAX_SPAN_DAYS = 366;

/**
 * A member's own check-ins. Every read and write is keyed by the caller's id, so no route can
 * reach another member's rows, and there is no moderator or admin door to them at all.
 */
@Injectable()
export class CheckInsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records today's check-in. "Today" is the member's day in their profile's time zone. The
   * unique (user_id, day) constraint decides a race between two tabs: the second is 409. A note
   * is screened for crisis by a queued job written in the same transaction (DESIGN.md invariant
   * 4), so the screening cannot be lost between the commit and Redis.
   */
  async record(userId: string, input: RecordCheckInDto): Promise<CheckInView> {
    const now = this.clock.now();
    const day = localDay(now, await this.timeZone(userId));
    const note = input.note && /\S/u.test(input.note) ? input.note : null;
    return this.db.transaction(async (tx) => {
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO checkins
           (user_id, day, safety, honesty, communication, self_care, hope, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT ON CONSTRAINT checkins_one_per_day DO NOTHING
         RETURNING id`,
        [
          userId,
          day,
          input.safety,
          input.honesty,
          input.communication,
          input.selfCare,
          input.hope,
          note,
          now,
        ],
      );
      if (!row) throw CheckInErrors.alreadyToday();
      if (note) await this.outbox.add(tx, CheckInJobs.screen(row.id));
      return toCheckInView({ ...input, id: row.id, userId, day, note, createdAt: now });
    });
  }

  /** The caller's check-ins from `from` to `to` (both included, days), oldest first. */
  async list(userId: string, query: ListCheckInsQuery): Promise<CheckInView[]> {
    const to = query.to ?? localDay(this.clock.now(), await this.timeZone(userId));
    const from = query.from ?? addDays(to, -DEFAULT_SPAN_DAYS);
    const span = daysBetween(from, to);
    if (span < 0) throw CheckInErrors.badRange('from', 'must not be after to');
    if (span > MAX_SPAN_DAYS)
      throw CheckInErrors.badRange('to', `must be within ${MAX_SPAN_DAYS} days of from`);
    const rows = await this.db.getRepository(CheckIn).find({
      where: { userId, day: Between<Day>(from, to) },
      order: { day: 'ASC' },
    });
    return rows.map(toCheckInView);
  }

  /** Deletes one of the caller's check-ins; anyone else's id is NOT_FOUND, like a missing one. */
  async remove(userId: string, id: string): Promise<void> {
    if (!UUID.test(id)) throw CheckInErrors.notFound();
    const result = await this.db.getRepository(CheckIn).delete({ id, userId });
    if (!result.affected) throw CheckInErrors.notFound();
  }

  async exportFor(userId: string, tx: EntityManager): Promise<CheckInView[]> {
    const rows = await tx.find(CheckIn, { where: { userId }, order: { day: 'ASC' } });
    return rows.map(toCheckInView);
  }

  async eraseFor(userId: string, tx: EntityManager): Promise<void> {
    await tx.delete(CheckIn, { userId });
  }

  private async timeZone(userId: string): Promise<string> {
    const [member] = await this.users.contacts([userId]);
    if (!member) throw Errors.notFound('That account');
    return member.timezone;
  }
}
