import { beforeEach, describe, expect, it } from '@jest/globals';
import { ItemNotFoundError } from '../../domain/item-not-found.error.js';
import { AboveMaximumModels, InMemoryPriceHistory } from '../testing/in-memory-price-history.js';
import { DetectPriceAnomalyUseCase } from './detect-price-anomaly.use-case.js';

describe(DetectPriceAnomalyUseCase.name, () => {
  let history: InMemoryPriceHistory;
  let sut: DetectPriceAnomalyUseCase;

  beforeEach(() => {
    history = new InMemoryPriceHistory();
    sut = new DetectPriceAnomalyUseCase(history, new AboveMaximumModels());
    history.add({ itemId: 'MLB1', ordClosedDt: '2024-02-01', price: 10 }, { itemId: 'MLB1', ordClosedDt: '2024-02-02', price: 12 });
  });

  it("judges the price with a model of the item's current history version", async () => {
    const verdict = await sut.execute('MLB1', 50);
    expect(verdict.anomaly).toBe(true);
    expect(verdict.metadata.model).toMatchObject({ trained_on: 2, history_version: '1' });
  });

  it('sees the newest history after the item changed', async () => {
    history.add({ itemId: 'MLB1', ordClosedDt: '2024-02-03', price: 60 });
    const verdict = await sut.execute('MLB1', 50);
    expect(verdict.anomaly).toBe(false);
    expect(verdict.metadata.model).toMatchObject({ trained_on: 3, history_version: '2' });
  });

  it('rejects an unknown item with ItemNotFoundError and loads no prices for it', async () => {
    await expect(sut.execute('111', 200)).rejects.toEqual(new ItemNotFoundError('111'));
    expect(history.pricesLoads).toBe(0);
  });
});
