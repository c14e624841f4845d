import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { createHash } from 'node:crypto';
import type { ParsedMessage } from '#libs/broker';
import { MAX_FEED_OBSERVATIONS, ObservationDto } from '#libs/http-contract';
import type { PriceObservation } from '#libs/price-history';

const VALIDATION = { whitelist: true, forbidNonWhitelisted: true } as const;

/**
 * A broker message as observations, by the rules of `POST /prices`: one observation, or
 * `{"observations":[...]}`. An observation without an id gets one from the message's content, so
 * a message delivered again (after a crash) is recognised, not judged twice.
 */
export function parseObservationMessage(content: Buffer): ParsedMessage<PriceObservation> {
  let body: unknown;
  try {
    body = JSON.parse(content.toString('utf8'));
  } catch {
    return { rejection: 'not JSON' };
  }
  const many = typeof body === 'object' && body !== null && 'observations' in body;
  const raw = many ? (body as { observations: unknown }).observations : [body];
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_FEED_OBSERVATIONS) {
    return { rejection: `observations must be 1 to ${MAX_FEED_OBSERVATIONS} entries` };
  }
  if (many && Object.keys(body as object).length > 1) return { rejection: 'only "observations" is allowed beside the entries' };
  const digest = createHash('sha256').update(content).digest('hex').slice(0, 24);
  const observations: PriceObservation[] = [];
  for (const [index, entry] of raw.entries()) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { rejection: `observations.${index} is not an object` };
    const dto = plainToInstance(ObservationDto, entry);
    const errors = validateSync(dto, VALIDATION);
    if (errors.length) return { rejection: `observations.${index}: ${errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; ')}` };
    observations.push({ observationId: dto.observation_id ?? `msg:${digest}:${index}`, itemId: dto.item_id, ordClosedDt: dto.ord_closed_dt, price: dto.price });
  }
  return { observations };
}
