import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FeedRuntime } from '#libs/platform';
import { PriceFeedService } from '../services/price-feed.service.js';

/** Observations from the broker (with AMQP_URL) take the same path as POST /prices. */
@Injectable()
export class PriceObservationsConsumer implements OnModuleInit {
  constructor(
    private readonly feed: FeedRuntime,
    private readonly priceFeed: PriceFeedService,
  ) {}

  onModuleInit(): void {
    this.feed.consumeObservations((observations) => this.priceFeed.ingest(observations));
  }
}
