import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, Errors, RealtimeEmitter } from '@kintsugi/platform';
import type { UpdateMeDto } from './auth.dto';
import { IdentityErrors } from './identity.errors';
import { PasswordsService } from './passwords.service';
import { PersonalDataRegistry } from './personal-data.registry';
import { RefreshTokensService } from './refresh-tokens.service';
import { User } from './user.entity';
import { canonicalTimeZone } from './time-zone';
import { OwnProfile, toOwnProfile } from './user.view';

@Injectable()
export class MeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly passwords: PasswordsService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly personalData: PersonalDataRegistry,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async profile(userId: string): Promise<OwnProfile> {
    return toOwnProfile(await this.load(userId));
  }

  async update(userId: string, changes: UpdateMeDto): Promise<OwnProfile> {
    const patch: Record<string, unknown> = {};
    if (changes.email !== undefined) patch.email = changes.email;
    if (changes.timezone !== undefined) patch.timezone = canonicalTimeZone(changes.timezone);
    const prefs = changes.notificationPrefs;
    // Merged in SQL so a switch sent alone keeps the other, even under concurrent edits.
    if (prefs !== undefined) patch.notificationPrefs = () => 'notification_prefs || :prefs::jsonb';
    if (Object.keys(patch).length > 0) {
      await this.db
        .createQueryBuilder()
        .update(User)
        .set(patch)
        .where('id = :userId', { userId })
        .setParameter('prefs', JSON.stringify({ email: prefs?.email, inApp: prefs?.inApp }))
        .execute();
    }
    return this.profile(userId);
  }

  /** Everything stored about the caller, as one document. */
  async export(userId: string): Promise<Record<string, unknown>> {
    return this.db.transaction('REPEATABLE READ', async (tx) => ({
      exportedAt: this.clock.now().toISOString(),
      profile: toOwnProfile(await this.load(userId, tx.getRepository(User))),
      signIns: await this.refreshTokens.describeFor(tx, userId),
      ...(await this.personalData.exportAll(userId, tx)),
    }));
  }

  /**
   * Erases personal data and keeps a tombstone: the id (so messages keep
   * their place, authored by null) and the handle (so nobody can pose as them).
   */
  async erase(userId: string, password: string): Promise<void> {
    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :userId', { userId })
      .getOne();
    if (!user || !(await this.passwords.verify(user.passwordHash, password)))
      throw IdentityErrors.wrongPassword();
    await this.db.transaction(async (tx) => {
      await this.personalData.eraseAll(userId, tx);
      await this.refreshTokens.revokeAllFor(tx, userId);
      await tx.update(
        User,
        { id: userId },
        {
          passwordHash: null,
          email: null,
          timezone: null,
          notificationPrefs: { email: false, inApp: false },
          roles: [],
          erasedAt: this.clock.now(),
        },
      );
    });
    this.realtime.disconnectUser(userId);
  }

  private async load(userId: string, repository = this.db.getRepository(User)): Promise<User> {
    const user = await repository.findOne({ where: { id: userId } });
    if (!user || user.erasedAt) throw Errors.notFound('That account');
    return user;
  }
}
