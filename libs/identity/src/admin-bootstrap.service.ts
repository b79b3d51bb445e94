import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Env } from '@kintsugi/platform';
import { PasswordsService } from './passwords.service';

/**
 * Creates the admin named by ADMIN_HANDLE/ADMIN_PASSWORD when that handle
 * does not exist. ON CONFLICT makes restarts and concurrent starts harmless;
 * an existing account is never touched (its password stays its own).
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Env,
    private readonly passwords: PasswordsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_HANDLE: handle, ADMIN_PASSWORD: password } = this.env;
    if (!handle || !password) return;
    const created: unknown[] = await this.db.query(
      // An admin has no journey of their own on the platform; the column needs a value.
      `INSERT INTO users (handle, journey_role, roles, password_hash)
       VALUES ($1, 'betrayed', '{member,admin}', $2)
       ON CONFLICT ((lower(handle))) DO NOTHING RETURNING id`,
      [handle, await this.passwords.hash(password)],
    );
    if (created.length > 0) this.logger.log('Created the admin account from ADMIN_HANDLE');
  }
}
