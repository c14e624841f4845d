import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { streamPriceHistory, type HistoryRow, type HistoryWindow } from '../../../../libs/database/src/index.js';

@Injectable()
export class PriceHistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest first, streamed; an unknown item simply has no rows. */
  history(itemId: string, window: HistoryWindow): AsyncIterable<HistoryRow> {
    return streamPriceHistory(this.dataSource, itemId, window);
  }
}
