import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNumber, IsPositive, IsString, Matches, Max } from 'class-validator';
import { ITEM_ID_PATTERN, ITEM_ID_RULE, MAX_PRICE } from '#libs/price-csv';

const NUMERIC_TEXT = /^\s*\d+(\.\d+)?\s*$/;

export class DetectAnomalyRequestDto {
  @ApiProperty({ example: 'MLB1450506718', pattern: ITEM_ID_PATTERN.source })
  @IsString()
  @Matches(ITEM_ID_PATTERN, { message: ITEM_ID_RULE })
  item_id!: string;

  /** The old service also took numeric strings such as "200.5"; anything else stays as sent and fails. */
  @ApiProperty({ example: 200, description: `A positive number up to ${MAX_PRICE}, or a numeric string`, oneOf: [{ type: 'number' }, { type: 'string' }] })
  @Transform(({ value }) => (typeof value === 'string' && NUMERIC_TEXT.test(value) ? Number(value) : value))
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'price must be a finite number (or a numeric string)' })
  @IsPositive({ message: 'price must be greater than 0' })
  @Max(MAX_PRICE, { message: `price must not exceed ${MAX_PRICE}` })
  price!: number;
}
