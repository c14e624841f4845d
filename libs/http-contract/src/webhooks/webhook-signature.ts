import { createHmac } from 'node:crypto';

/**
 * What a webhook receiver checks (docs/API.md): `X-Signature: sha256=` + hex HMAC-SHA256 of the
 * exact request body with ALERT_WEBHOOK_SECRET.
 */
export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
