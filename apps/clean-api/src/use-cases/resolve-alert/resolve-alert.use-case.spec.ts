import { beforeEach, describe, expect, it } from '@jest/globals';
import { AlertAlreadyResolvedError, AlertNotFoundError } from '../../domain/errors.js';
import { InMemoryPriceFeed } from '../testing/in-memory-price-feed.js';
import { InMemoryPriceHistory } from '../testing/in-memory-price-history.js';
import { ResolveAlertUseCase } from './resolve-alert.use-case.js';

describe(ResolveAlertUseCase.name, () => {
  let history: InMemoryPriceHistory;
  let feed: InMemoryPriceFeed;
  let sut: ResolveAlertUseCase;

  beforeEach(async () => {
    history = new InMemoryPriceHistory();
    feed = new InMemoryPriceFeed(history);
    sut = new ResolveAlertUseCase(feed);
    await feed.record([{ observationId: 'o1', itemId: 'MLB1', ordClosedDt: '2024-03-01', price: 999, verdict: { anomaly: true, metadata: {} } }]);
  });

  it('puts a dismissed alert\'s price into the history and remembers who decided', async () => {
    expect(await sut.execute('alert-1', 'dismissed', 'a real flash sale', 'key:abc')).toMatchObject({ status: 'dismissed', resolvedBy: 'key:abc', resolutionNote: 'a real flash sale' });
    expect(history.points).toEqual([{ itemId: 'MLB1', ordClosedDt: '2024-03-01', price: 999 }]);
  });

  it('keeps a confirmed alert out of the history, accepts the same decision again, refuses the other', async () => {
    await sut.execute('alert-1', 'confirmed', null, null);
    await expect(sut.execute('alert-1', 'confirmed', null, null)).resolves.toMatchObject({ status: 'confirmed' });
    await expect(sut.execute('alert-1', 'dismissed', null, null)).rejects.toBeInstanceOf(AlertAlreadyResolvedError);
    expect(history.points).toEqual([]);
  });

  it('rejects an unknown alert', async () => {
    await expect(sut.execute('nope', 'confirmed', null, null)).rejects.toBeInstanceOf(AlertNotFoundError);
  });
});
