import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FeedRuntime } from '#libs/platform';
import { IngestPricesUseCase } from '../../use-cases/ingest-prices/ingest-prices.use-case.js';

/** Observations from the broker (with AMQP_URL) take the same path as POST /prices. */
@Injectable()
export class PriceObservationsConsumer implements OnModuleInit {
  constructor(
    private readonly feed: FeedRuntime,
    private readonly ingestPrices: IngestPricesUseCase,
  ) {}

  onModuleInit(): void {
    this.feed.consumeObservations((observations) => this.ingestPrices.execute(observations));
  }
}
