import { Logger } from '@nestjs/common';
import {
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleAll,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import type { ScreenFinding } from '../screener';
import { findingsFromModeration } from './moderation-response';

export interface ProviderOptions {
  url: string;
  token?: string;
  timeoutMs: number;
  /** Consecutive failures that open the circuit. */
  failuresToOpen?: number;
  /** How long the circuit stays open before one message tries the service again. */
  halfOpenAfterMs?: number;
}

/**
 * An operator's moderation service as one more screener (SCREENING_PROVIDER_URL). It can only
 * add findings: when it is slow, down or answers nonsense, the message is screened by the
 * platform's own screeners as if it were not configured, and after `failuresToOpen` failures
 * in a row no message waits for it at all until `halfOpenAfterMs` has passed.
 */
export class HttpScreeningProvider {
  readonly name = 'external';
  private readonly logger = new Logger(HttpScreeningProvider.name);
  private readonly breaker;
  private readonly policy;

  constructor(private readonly options: ProviderOptions) {
    this.breaker = circuitBreaker(handleAll, {
      halfOpenAfter: options.halfOpenAfterMs ?? 30_000,
      breaker: new ConsecutiveBreaker(options.failuresToOpen ?? 5),
    });
    this.policy = wrap(this.breaker, timeout(options.timeoutMs, TimeoutStrategy.Aggressive));
    // One line per change of state, not one per message: an outage is one event for operators.
    this.breaker.onStateChange((state) => {
      if (state === CircuitState.Open)
        this.logger.warn('External screener unavailable; the platform screeners decide alone');
      if (state === CircuitState.Closed) this.logger.log('External screener answering again');
    });
  }

  /** What the service found; nothing when it could not answer in time. Never throws. */
  async screen(text: string): Promise<ScreenFinding[]> {
    try {
      return await this.policy.execute(({ signal }) => this.ask(text, signal));
    } catch {
      return [];
    }
  }

  private async ask(text: string, signal: AbortSignal): Promise<ScreenFinding[]> {
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      },
      body: JSON.stringify({ input: text }),
      signal,
    });
    if (!response.ok) throw new Error(`moderation service answered ${response.status}`);
    return findingsFromModeration(await response.json());
  }
}
