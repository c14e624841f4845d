import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';

/** 0..100, higher flags more; left out (or null): the calibrated default (docs/API.md). */
export const Sensitivity = (fromQuery = false) => applyDecorators(
  ApiPropertyOptional({ minimum: 0, maximum: 100, example: 50, description: 'Higher flags more (a narrower band); default 50, the calibrated operating point' }),
  Transform(({ value }) => value ?? undefined), // null: the default, as when left out
  IsOptional(),
  ...(fromQuery ? [Type(() => Number)] : []),
  IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'sensitivity must be a number from 0 to 100' }),
  Min(0, { message: 'sensitivity must be a number from 0 to 100' }),
  Max(100, { message: 'sensitivity must be a number from 0 to 100' }),
);
