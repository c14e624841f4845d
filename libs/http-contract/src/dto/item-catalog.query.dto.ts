import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ITEM_ID_PATTERN } from '#libs/price-csv';

export const ITEM_LIST_MAX = 100;

export class ItemCatalogQueryDto {
  @ApiPropertyOptional({ description: 'Only items whose id starts with this', example: 'MLB14' })
  @IsOptional()
  @Matches(ITEM_ID_PATTERN, { message: 'prefix must be 1 to 64 characters from [A-Za-z0-9_-]' })
  prefix?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: ITEM_LIST_MAX, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ITEM_LIST_MAX)
  limit?: number;

  @ApiPropertyOptional({ enum: ['item_id', 'open_alerts'], default: 'item_id', description: 'item_id: ids in order; open_alerts: the items with the most open alerts first (only those with any)' })
  @IsOptional()
  @IsIn(['item_id', 'open_alerts'])
  order?: 'item_id' | 'open_alerts';
}
