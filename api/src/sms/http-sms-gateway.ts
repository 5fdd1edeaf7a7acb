import type { SmsConfig } from '../config/app-config.js';
import { SMS_MAX_LENGTH, SmsDeliveryError, SmsGateway, type SmsMessage } from './sms-gateway.js';

/**
 * Posts each message to the court's SMS provider (SMS_GATEWAY=http): `POST SMS_HTTP_URL` with
 * `Authorization: Bearer SMS_HTTP_SECRET` and `{"phone","text","purpose"}`; any 2xx is delivered.
 * Nothing is stored: a sign-in code must not sit in the database.
 */
export class HttpSmsGateway extends SmsGateway {
  readonly kind = 'http';

  constructor(private readonly config: SmsConfig) {
    super();
  }

  async send(message: SmsMessage): Promise<void> {
    let res: Response;
    try {
      res = await fetch(this.config.httpUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.config.httpSecret}` },
        body: JSON.stringify({ phone: message.phone, text: message.text.slice(0, SMS_MAX_LENGTH), purpose: message.purpose }),
        signal: AbortSignal.timeout(this.config.httpTimeoutMs),
      });
    } catch (e) {
      throw new SmsDeliveryError(`SMS provider unreachable: ${(e as Error).message}`);
    }
    await res.body?.cancel();
    if (!res.ok) throw new SmsDeliveryError(`SMS provider answered ${res.status}`);
  }
}
