import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, SentMessageInfo, Transporter } from 'nodemailer';
import { Env } from '@kintsugi/platform';
import type { RenderedEmail } from './email.templates';

export interface OutgoingEmail extends RenderedEmail {
  to: string;
  unsubscribeUrl: string;
  /** For logs: which notification this is (never the address). */
  reference: string;
}

/**
 * Sends over SMTP_URL. Without it, the message is still built in full (so
 * tests and development see exactly what would leave) and only its reference
 * and subject are logged — never the address, and never the body, which
 * holds the member's unsubscribe token.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly logOnly: boolean;

  constructor(private readonly env: Env) {
    this.logOnly = !env.SMTP_URL;
    this.transport = env.SMTP_URL
      ? createTransport(env.SMTP_URL)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(email: OutgoingEmail): Promise<SentMessageInfo> {
    const info = await this.transport.sendMail({
      from: this.env.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      // RFC 8058 one-click unsubscribe: mail clients POST to this URL.
      headers: {
        'List-Unsubscribe': `<${email.unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    if (this.logOnly)
      this.logger.log(
        { reference: email.reference, subject: email.subject },
        'E-mail built but not sent: SMTP_URL is unset',
      );
    return info;
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
