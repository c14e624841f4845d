import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, IsPositive, IsString, Matches, Max, ValidateNested } from 'class-validator';
import { ITEM_ID_PATTERN, ITEM_ID_RULE, MAX_PRICE } from '#libs/price-csv';
import { Sensitivity } from './sensitivity.js';

const NUMERIC_TEXT = /^\s*\d+(\.\d+)?\s*$/;

/** The item id rule of every route. */
export const ItemIdField = () => applyDecorators(
  ApiProperty({ example: 'MLB1450506718', pattern: ITEM_ID_PATTERN.source }),
  IsString(),
  Matches(ITEM_ID_PATTERN, { message: ITEM_ID_RULE }),
);

/** A price: a positive number up to MAX_PRICE; the old service also took numeric strings such as "200.5". */
export const PriceField = () => applyDecorators(
  ApiProperty({ example: 200, description: `A positive number up to ${MAX_PRICE}, or a numeric string`, oneOf: [{ type: 'number' }, { type: 'string' }] }),
  Transform(({ value }) => (typeof value === 'string' && NUMERIC_TEXT.test(value) ? Number(value) : value)),
  IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'price must be a finite number (or a numeric string)' }),
  IsPositive({ message: 'price must be greater than 0' }),
  Max(MAX_PRICE, { message: `price must not exceed ${MAX_PRICE}` }),
);

/** One price to check: the single route's body, and each entry of a batch. */
export class PriceCheckDto {
  @ItemIdField()
  item_id!: string;

  @PriceField()
  price!: number;
}

export class DetectAnomalyRequestDto extends PriceCheckDto {
  @Sensitivity()
  sensitivity?: number;
}

/** Enough for a whole price list in one call; bounded so one request cannot hold a process. */
export const MAX_BATCH_PRICES = 10_000;

export class DetectAnomalyBatchRequestDto {
  @ApiProperty({ type: [PriceCheckDto], minItems: 1, maxItems: MAX_BATCH_PRICES })
  @IsArray({ message: 'prices must be an array of {item_id, price}' })
  @ArrayMinSize(1, { message: 'prices must hold at least one entry' })
  @ArrayMaxSize(MAX_BATCH_PRICES, { message: `prices must hold at most ${MAX_BATCH_PRICES} entries` })
  @ValidateNested({ each: true })
  @Type(() => PriceCheckDto)
  prices!: PriceCheckDto[];

  @Sensitivity()
  sensitivity?: number;
}
