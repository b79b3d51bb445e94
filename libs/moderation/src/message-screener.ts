import { Injectable } from '@nestjs/common';
import { Env } from '@kintsugi/platform';
import { CrisisResources } from './crisis-resources';
import {
  PublicHelp,
  screenersWith,
  screenMessage,
  verdictOf,
  type Screener,
  type ScreenVerdict,
} from './screening';
import { HttpScreeningProvider } from './screening/provider/http-screening-provider';

/**
 * Every screener a message passes: the platform's own, in the process, and the operator's
 * moderation service when SCREENING_PROVIDER_URL is set (asked first, so that both run at once).
 * The help the platform itself shows members (CRISIS_RESOURCES) is nobody's personal details.
 */
@Injectable()
export class MessageScreener {
  private readonly provider: HttpScreeningProvider | null;
  private readonly screeners: readonly Screener[];

  constructor(env: Env, resources: CrisisResources) {
    this.screeners = screenersWith(
      PublicHelp.wellKnown.withContacts(resources.list.map((r) => r.contact)),
    );
    this.provider = env.SCREENING_PROVIDER_URL
      ? new HttpScreeningProvider({
          url: env.SCREENING_PROVIDER_URL,
          token: env.SCREENING_PROVIDER_TOKEN,
          timeoutMs: env.screeningProviderTimeoutMs,
        })
      : null;
  }

  async screen(text: string): Promise<ScreenVerdict> {
    const remote = this.provider?.screen(text) ?? Promise.resolve([]);
    const local = screenMessage(text, this.screeners);
    return verdictOf([...local.findings, ...(await remote)]);
  }
}
