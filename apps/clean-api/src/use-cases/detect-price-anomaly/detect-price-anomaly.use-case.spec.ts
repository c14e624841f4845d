import { beforeEach, describe, expect, it } from '@jest/globals';
import { inHouseEngine, PriceModelRegistry } from '#libs/anomaly-detection';
import { ItemNotFoundError } from '../../domain/errors.js';
import { InMemoryPriceHistory } from '../testing/in-memory-price-history.js';
import { DetectPriceAnomalyUseCase } from './detect-price-anomaly.use-case.js';

describe(DetectPriceAnomalyUseCase.name, () => {
  let history: InMemoryPriceHistory;
  let sut: DetectPriceAnomalyUseCase;

  beforeEach(() => {
    history = new InMemoryPriceHistory();
    // The real detection library: it is pure computation, so there is nothing to fake.
    sut = new DetectPriceAnomalyUseCase(history, new PriceModelRegistry(inHouseEngine));
    history.add({ itemId: 'MLB1', ordClosedDt: '2024-02-01', price: 10 }, { itemId: 'MLB1', ordClosedDt: '2024-02-02', price: 12 });
  });

  it("judges the price with a model of the item's current history version", async () => {
    const verdict = await sut.execute('MLB1', 50);
    expect(verdict.anomaly).toBe(true);
    expect(verdict.metadata.model).toMatchObject({ trained_on: 2, history_version: '1', stale: false });
  });

  it('says so in the verdict when the version could not be confirmed current', async () => {
    history.unreachable = true;
    expect((await sut.execute('MLB1', 11)).metadata.model).toMatchObject({ history_version: '1', stale: true });
  });

  it('reuses the model while the history is unchanged', async () => {
    await sut.execute('MLB1', 11);
    await sut.execute('MLB1', 13);
    expect(history.pricesLoads).toBe(1);
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

  it('judges a batch in request order, with null for an unknown item, loading each item once', async () => {
    history.add({ itemId: 'MLB2', ordClosedDt: '2024-02-01', price: 5 }, { itemId: 'MLB2', ordClosedDt: '2024-02-02', price: 6 });
    const verdicts = await sut.executeBatch([
      { itemId: 'MLB1', price: 11 }, { itemId: '111', price: 1 }, { itemId: 'MLB2', price: 500 }, { itemId: 'MLB1', price: 500 },
    ]);
    expect(verdicts.map((verdict) => verdict?.anomaly ?? null)).toEqual([false, null, true, true]);
    expect(history.pricesLoads).toBe(2);
  });

  it('draws the band at the sensitivity asked for', async () => {
    const [strict, lenient] = [await sut.execute('MLB1', 11, 100), await sut.execute('MLB1', 11, 0)];
    expect(strict.metadata.model.sensitivity).toBe(100);
    expect(strict.metadata.normal_range.high).toBeLessThan(lenient.metadata.normal_range.high);
  });
});
