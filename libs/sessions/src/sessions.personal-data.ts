import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A member's answers to sessions (export), and their removal with the account (erasure). */
@Injectable()
export class SessionsPersonalData {
  async export(userId: string, tx: EntityManager): Promise<object[]> {
    const rows: { session_id: string; status: string; updated_at: Date }[] = await tx.query(
      `SELECT session_id, status, updated_at FROM session_rsvps WHERE user_id = $1 ORDER BY updated_at`,
      [userId],
    );
    return rows.map((r) => ({
      sessionId: r.session_id,
      status: r.status,
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }

  async erase(userId: string, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM session_rsvps WHERE user_id = $1`, [userId]);
    await tx.query(`DELETE FROM session_attendance WHERE user_id = $1`, [userId]);
  }
}
