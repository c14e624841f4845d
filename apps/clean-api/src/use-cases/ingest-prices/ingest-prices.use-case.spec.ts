import { beforeEach, describe, expect, it } from '@jest/globals';
import { inHouseEngine, PriceModelRegistry } from '#libs/anomaly-detection';
import { InMemoryPriceFeed } from '../testing/in-memory-price-feed.js';
import { InMemoryPriceHistory } from '../testing/in-memory-price-history.js';
import { IngestPricesUseCase } from './ingest-prices.use-case.js';

describe(IngestPricesUseCase.name, () => {
  let history: InMemoryPriceHistory;
  let feed: InMemoryPriceFeed;
  let sut: IngestPricesUseCase;
  const observe = (observationId: string, itemId: string, price: number) => ({ observationId, itemId, ordClosedDt: '2024-03-01', price });

  beforeEach(() => {
    history = new InMemoryPriceHistory();
    feed = new InMemoryPriceFeed(history);
    sut = new IngestPricesUseCase(history, new PriceModelRegistry(inHouseEngine), feed);
    history.add(...Array.from({ length: 30 }, (_, i) => ({ itemId: 'MLB1', ordClosedDt: '2024-01-01', price: 100 + (i % 3) })));
  });

  it('stores the normal prices and holds the anomalous ones, judged against the history before the batch', async () => {
    const outcomes = await sut.execute([observe('a', 'MLB1', 101), observe('b', 'MLB1', 1000), observe('c', 'MLB1', 100)]);
    expect(outcomes.map((o) => [o.observationId, o.anomaly, o.stored])).toEqual([['a', false, true], ['b', true, false], ['c', false, true]]);
    expect(feed.alerts.map((alert) => alert.observationId)).toEqual(['b']);
    expect(history.points).toHaveLength(32);
  });

  it('starts the history of an item it has never seen, without an alert', async () => {
    const [outcome] = await sut.execute([observe('n', 'MLBNEW', 7)]);
    expect(outcome).toMatchObject({ anomaly: false, stored: true, alertId: null, metadata: { reason: 'no_history' } });
  });

  it('returns the first outcome of a resent observation and does nothing again', async () => {
    await sut.execute([observe('a', 'MLB1', 1000)]);
    const [again] = await sut.execute([observe('a', 'MLB1', 1000)]);
    expect(again).toMatchObject({ duplicate: true, alertId: 'alert-1' });
    expect(feed.alerts).toHaveLength(1);
  });

  it('grows the models by what the batch stored: the next batch is judged against the new version without reading prices again', async () => {
    await sut.execute([observe('a', 'MLB1', 101)]);
    const loads = history.pricesLoads;
    const [next] = await sut.execute([observe('b', 'MLB1', 102)]);
    expect(history.pricesLoads).toBe(loads);
    expect(next.metadata).toMatchObject({ model: { history_version: '2', trained_on: 31 } });
  });
});
