import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Clock } from '@kintsugi/platform';
import { IdentityErrors } from './identity.errors';
import { RefreshToken } from './refresh-token.entity';

const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Starts a new family (a login) or continues one (a rotation). */
  async issue(tx: EntityManager, userId: string, familyId: string = randomUUID()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await tx.insert(RefreshToken, {
      userId,
      familyId,
      tokenHash: hashToken(token),
      expiresAt: new Date(this.clock.nowMs() + REFRESH_TTL_MS),
    });
    return token;
  }

  /**
   * Exchanges a refresh token for the next one of its family. A token seen
   * twice means someone holds a copy: the whole family is revoked, locking out
   * thief and victim alike until the victim signs in again.
   */
  rotate(token: string): Promise<{ userId: string; refreshToken: string }> {
    return this.db
      .transaction(async (tx) => {
        const row = await tx.findOne(RefreshToken, {
          where: { tokenHash: hashToken(token) },
          lock: { mode: 'pessimistic_write' },
        });
        if (!row || row.revokedAt || row.expiresAt.getTime() <= this.clock.nowMs()) {
          throw IdentityErrors.invalidRefreshToken();
        }
        if (row.usedAt) {
          await this.revokeFamily(tx, row.familyId);
          return null;
        }
        await tx.update(RefreshToken, { id: row.id }, { usedAt: this.clock.now() });
        return { userId: row.userId, refreshToken: await this.issue(tx, row.userId, row.familyId) };
      })
      .then((result) => {
        // Thrown after commit so the revocation sticks.
        if (!result) throw IdentityErrors.invalidRefreshToken();
        return result;
      });
  }

  /** Logout: ends the family the token belongs to. Unknown tokens are ignored (nothing to end). */
  async revoke(token: string): Promise<void> {
    const row = await this.db.manager.findOne(RefreshToken, {
      where: { tokenHash: hashToken(token) },
    });
    if (row) await this.revokeFamily(this.db.manager, row.familyId);
  }

  /** The caller's sign-ins for their data export: when, never the token or its hash. */
  async describeFor(
    tx: EntityManager,
    userId: string,
  ): Promise<
    { createdAt: string; expiresAt: string; usedAt: string | null; revokedAt: string | null }[]
  > {
    const rows = await tx.find(RefreshToken, { where: { userId }, order: { createdAt: 'ASC' } });
    return rows.map((r) => ({
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      usedAt: r.usedAt?.toISOString() ?? null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
    }));
  }

  async revokeAllFor(tx: EntityManager, userId: string): Promise<void> {
    await tx.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  private async revokeFamily(tx: EntityManager, familyId: string): Promise<void> {
    await tx.update(
      RefreshToken,
      { familyId, revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
  }
}
