import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, Validate } from 'class-validator';
import { IsCalendarDate } from './is-calendar-date.validator.js';

export const MAX_HISTORY_LIMIT = 100_000;

export class HistoryQueryDto {
  @ApiPropertyOptional({ description: 'First day included (YYYY-MM-DD)', example: '2024-01-01' })
  @IsOptional()
  @Validate(IsCalendarDate)
  from?: string;

  @ApiPropertyOptional({ description: 'Last day included (YYYY-MM-DD)', example: '2024-03-11' })
  @IsOptional()
  @Validate(IsCalendarDate)
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_HISTORY_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_HISTORY_LIMIT)
  limit?: number;

  /** Bounded: 1e308 is an integer to JavaScript but overflows PostgreSQL's OFFSET (found by fuzzing). */
  @ApiPropertyOptional({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  offset?: number;
}
