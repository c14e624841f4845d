import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReadReplicas, streamPriceHistory } from '#libs/database';
import type { HistoryRow, HistoryWindow } from '#libs/price-history';

@Injectable()
export class PriceHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly replicas: ReadReplicas,
  ) {}

  /** Oldest first, streamed (from a replica that has caught up, when there is one); an unknown item simply has no rows. */
  history(itemId: string, window: HistoryWindow): AsyncIterable<HistoryRow> {
    return streamPriceHistory(this.dataSource, itemId, window, this.replicas);
  }
}
