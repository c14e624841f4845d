import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, Validate, ValidateNested,
  ValidatorConstraint, type ValidatorConstraintInterface,
} from 'class-validator';
import { randomUUID } from 'node:crypto';
import { ALERT_STATUSES, type PriceObservation } from '#libs/price-history';
import { ITEM_ID_PATTERN, ITEM_ID_RULE } from '#libs/price-csv';
import { ItemIdField, PriceField } from './detect-anomaly.request.dto.js';
import { IsCalendarDate } from './is-calendar-date.validator.js';

export const OBSERVATION_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const MAX_FEED_OBSERVATIONS = 10_000;

@ValidatorConstraint({ name: 'atMostFourDecimals' })
export class AtMostFourDecimals implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'number' && Math.abs(value * 10_000 - Math.round(value * 10_000)) < 1e-6;
  }

  defaultMessage(): string {
    return 'price must have at most 4 decimal places (it is stored exactly)';
  }
}

@ValidatorConstraint({ name: 'uniqueObservationIds' })
export class UniqueObservationIds implements ValidatorConstraintInterface {
  private repeated = '';

  validate(observations: unknown): boolean {
    if (!Array.isArray(observations)) return true;
    const seen = new Map<string, number>();
    for (const [index, observation] of observations.entries()) {
      const id = (observation as { observation_id?: unknown })?.observation_id;
      if (typeof id !== 'string') continue;
      if (seen.has(id)) {
        this.repeated = `observations.${index}.observation_id repeats observations.${seen.get(id)}.observation_id ('${id}')`;
        return false;
      }
      seen.set(id, index);
    }
    return true;
  }

  defaultMessage(): string {
    return this.repeated;
  }
}

/**
 * A price an order closed at. Stored exactly, so at most 4 decimals. Its own fields, not a
 * subclass: class-validator drops a parent's rules for a property the child decorates again.
 */
export class ObservationDto {
  @ApiPropertyOptional({ example: 'ord-123', pattern: OBSERVATION_ID_PATTERN.source, description: 'Your id: a resend with it is recognised and not judged again' })
  @IsOptional()
  @Matches(OBSERVATION_ID_PATTERN, { message: 'observation_id must be 1 to 128 characters from [A-Za-z0-9._:-]' })
  observation_id?: string;

  @ItemIdField()
  item_id!: string;

  @ApiProperty({ example: '2024-03-12' })
  @Validate(IsCalendarDate)
  ord_closed_dt!: string;

  @PriceField()
  @Validate(AtMostFourDecimals)
  price!: number;
}

export class PostPricesRequestDto {
  @ApiProperty({ type: [ObservationDto], minItems: 1, maxItems: MAX_FEED_OBSERVATIONS })
  @IsArray({ message: 'observations must be an array of {observation_id?, item_id, ord_closed_dt, price}' })
  @ArrayMinSize(1, { message: 'observations must hold at least one entry' })
  @ArrayMaxSize(MAX_FEED_OBSERVATIONS, { message: `observations must hold at most ${MAX_FEED_OBSERVATIONS} entries` })
  @Validate(UniqueObservationIds)
  @ValidateNested({ each: true })
  @Type(() => ObservationDto)
  observations!: ObservationDto[];
}

export const MAX_ALERTS_PAGE = 500;

export class ListAlertsQueryDto {
  @ApiPropertyOptional({ enum: ALERT_STATUSES })
  @IsOptional()
  @IsIn(ALERT_STATUSES, { message: `status must be one of ${ALERT_STATUSES.join(', ')}` })
  status?: (typeof ALERT_STATUSES)[number];

  @ApiPropertyOptional({ example: 'MLB1450506718' })
  @IsOptional()
  @Matches(ITEM_ID_PATTERN, { message: ITEM_ID_RULE })
  item_id?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ALERTS_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ALERTS_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The next_cursor of the page before' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  cursor?: string;
}

export class AlertIdParamsDto {
  @ApiProperty({ example: '0b4f2c1e-5d7a-4c39-9e2f-6a1d8b3c7e90' })
  @IsUUID('all', { message: 'alert_id must be a UUID' })
  alert_id!: string;
}

export class ResolveAlertRequestDto {
  @ApiProperty({ enum: ['confirmed', 'dismissed'], description: 'dismissed: a false alarm, the price joins the history; confirmed: a real anomaly, kept out of it' })
  @IsIn(['confirmed', 'dismissed'], { message: "resolution must be 'confirmed' or 'dismissed'" })
  resolution!: 'confirmed' | 'dismissed';

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The request's observations in the feed's vocabulary; an observation sent without an id gets a fresh one. */
export function observationsOf(body: PostPricesRequestDto): PriceObservation[] {
  return body.observations.map((o) => ({ observationId: o.observation_id ?? randomUUID(), itemId: o.item_id, ordClosedDt: o.ord_closed_dt, price: o.price }));
}
