import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ITEM_ID_PATTERN, ITEM_ID_RULE } from '#libs/price-csv';

export class ItemIdParamsDto {
  @ApiProperty({ example: 'MLB4432316952', pattern: ITEM_ID_PATTERN.source })
  @Matches(ITEM_ID_PATTERN, { message: ITEM_ID_RULE })
  item_id!: string;
}
