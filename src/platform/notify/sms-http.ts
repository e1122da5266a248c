/**
 * SMS through a provider's HTTP API. One adapter today, Brevo's transactional SMS
 * (POST /v3/transactionalSMS/send, `api-key` header; recipient in international format
 * without "+"), chosen by SMS_PROVIDER=brevo with SMS_API_KEY and SMS_SENDER. A provider's
 * refusal (4xx/5xx) throws: the notify.send job retries with backoff and records the error,
 * without the message's text or the number in it.
 */
import type { Config } from '../../config';
import type { SmsProvider } from './outbox';

/** +33 6 12 34 56 78, 06 12 34 56 78 → 33612345678 (French numbers without a country code are French). */
export function internationalNumber(phone: string): string {
  const digits = phone.replace(/[\s.()-]/g, '');
  if (/^\+\d{8,15}$/.test(digits)) return digits.slice(1);
  if (/^00\d{8,15}$/.test(digits)) return digits.slice(2);
  if (/^0\d{9}$/.test(digits)) return `33${digits.slice(1)}`;
  throw new Error('numéro de téléphone non reconnu');
}

export function brevoSms(opts: { apiKey: string; sender: string; url: string; fetch?: typeof fetch }): SmsProvider {
  const doFetch = opts.fetch ?? fetch;
  return {
    async send(to, body) {
      const res = await doFetch(opts.url, {
        method: 'POST',
        headers: { 'api-key': opts.apiKey, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          sender: opts.sender,
          recipient: internationalNumber(to),
          content: body,
          type: 'transactional',
          unicodeEnabled: /[^\x20-\x7e\n]/.test(body),
        }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!res.ok) {
        // The provider's own words (an error code), never our message back.
        const detail = await res.text().catch(() => '');
        throw new Error(`SMS refusé par le fournisseur (HTTP ${res.status}) ${detail.slice(0, 200)}`);
      }
    },
  };
}

/** The provider the configuration names, or null (messages then go to the outbox folder). */
export function smsProviderFromConfig(config: Pick<Config, 'SMS_PROVIDER' | 'SMS_API_KEY' | 'SMS_SENDER' | 'SMS_API_URL'>): SmsProvider | null {
  if (config.SMS_PROVIDER === 'brevo' && config.SMS_API_KEY)
    return brevoSms({ apiKey: config.SMS_API_KEY, sender: config.SMS_SENDER, url: config.SMS_API_URL });
  return null;
}
