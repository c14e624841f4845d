import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { streamPriceHistory } from '#libs/database';
import type { HistoryRow, HistoryWindow } from '#libs/price-history';

@Injectable()
export class PriceHistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest first, streamed; an unknown item simply has no rows. */
  history(itemId: string, window: HistoryWindow): AsyncIterable<HistoryRow> {
    return streamPriceHistory(this.dataSource, itemId, window);
  }
}
