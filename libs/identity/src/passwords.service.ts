import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

/**
 * argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane).
 * bench/auth.bench.ts on the 2-core machine: login p50 27 ms, p99 44 ms
 * sequential. 20 logins at once take p99 ~350 ms: that is queueing for two
 * cores, and OWASP's equivalent settings (12 MiB/t=3, 9 MiB/t=4) gain under
 * 15 % there while holding less memory per guess, so this one stays.
 */
export const ARGON2_PARAMS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** A hash to verify against when the handle does not exist, so timing reveals nothing. */
const DUMMY_HASH_INPUT = 'kintsugi-timing-equaliser';

@Injectable()
export class PasswordsService {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_PARAMS);
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (!hash) {
      this.dummyHash ??= this.hash(DUMMY_HASH_INPUT);
      await argon2.verify(await this.dummyHash, password);
      return false;
    }
    return argon2.verify(hash, password);
  }
}
