import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Env, Errors, RateLimiter } from '@kintsugi/platform';
import { AccessTokensService } from './access-tokens.service';
import type { LoginDto, RegisterDto } from './auth.dto';
import { generateHandle, hasTooManyDigits } from './handles';
import { IdentityErrors } from './identity.errors';
import { PasswordsService } from './passwords.service';
import { RefreshTokensService } from './refresh-tokens.service';
import { canonicalTimeZone } from './time-zone';
import { User } from './user.entity';
import { OwnProfile, toOwnProfile } from './user.view';

const UNIQUE_VIOLATION = '23505';
const GENERATED_HANDLE_ATTEMPTS = 8;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface SignedIn extends TokenPair {
  user: OwnProfile;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof QueryFailedError &&
  (error.driverError as { code?: string }).code === UNIQUE_VIOLATION;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Env,
    private readonly passwords: PasswordsService,
    private readonly accessTokens: AccessTokensService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async register(input: RegisterDto, clientAddress: string): Promise<SignedIn> {
    if (input.handle !== undefined && hasTooManyDigits(input.handle)) {
      throw Errors.validation([{ field: 'handle', problem: 'must not hold 7 or more digits' }]);
    }
    await this.rateLimiter.consume('register-ip', clientAddress, this.env.rateLimit('REGISTER'));
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.createUser(input, passwordHash);
    return this.signIn(user);
  }

  /**
   * Failed logins are counted per handle and (5× as many) per client address.
   * A slot is taken before the password is checked, so a parallel burst cannot
   * slip past the limit, and handed back when the password was right.
   */
  async login(input: LoginDto, clientAddress: string): Promise<SignedIn> {
    const spec = this.env.rateLimit('LOGIN');
    const perHandle = await this.rateLimiter.consume(
      'login-handle',
      input.handle.toLowerCase(),
      spec,
    );
    const perAddress = await this.rateLimiter
      .consume('login-ip', clientAddress, { ...spec, limit: spec.limit * 5 })
      .catch(async (error) => {
        await this.rateLimiter.release(perHandle);
        throw error;
      });

    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.handle) = lower(:handle)', { handle: input.handle })
      .andWhere('u.erased_at IS NULL')
      .getOne();
    if (!(await this.passwords.verify(user?.passwordHash, input.password)) || !user) {
      throw IdentityErrors.badCredentials();
    }
    await Promise.all([this.rateLimiter.release(perHandle), this.rateLimiter.release(perAddress)]);
    return this.signIn(user);
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    return {
      accessToken: await this.accessTokens.issue(rotated.userId),
      refreshToken: rotated.refreshToken,
    };
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(refreshToken);
  }

  private async signIn(user: User): Promise<SignedIn> {
    const refreshToken = await this.refreshTokens.issue(this.db.manager, user.id);
    return {
      user: toOwnProfile(user),
      accessToken: await this.accessTokens.issue(user.id),
      refreshToken,
    };
  }

  /** A chosen handle that is taken is refused; a generated one retries with a suffix. */
  private async createUser(input: RegisterDto, passwordHash: string): Promise<User> {
    for (let attempt = 0; attempt < GENERATED_HANDLE_ATTEMPTS; attempt++) {
      const handle = input.handle ?? generateHandle(attempt > 0);
      try {
        return await this.db.transaction((tx) => this.insertUser(tx, input, handle, passwordHash));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (input.handle !== undefined) throw IdentityErrors.handleTaken();
      }
    }
    throw Errors.unavailable('We could not find a free handle just now. Please try again.');
  }

  private async insertUser(
    tx: EntityManager,
    input: RegisterDto,
    handle: string,
    passwordHash: string,
  ): Promise<User> {
    const created = tx.create(User, {
      handle,
      journeyRole: input.journeyRole,
      roles: ['member'],
      passwordHash,
      email: input.email ?? null,
      timezone: input.timezone ? canonicalTimeZone(input.timezone) : 'UTC',
      notificationPrefs: { email: true, inApp: true },
    });
    return tx.save(created);
  }
}
