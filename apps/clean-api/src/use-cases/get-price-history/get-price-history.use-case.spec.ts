import { beforeEach, describe, expect, it } from '@jest/globals';
import { InMemoryPriceHistory } from '../testing/in-memory-price-history.js';
import { GetPriceHistoryUseCase } from './get-price-history.use-case.js';

describe(GetPriceHistoryUseCase.name, () => {
  let history: InMemoryPriceHistory;
  let sut: GetPriceHistoryUseCase;
  const collect = async (iterable: AsyncIterable<unknown>) => {
    const items = [];
    for await (const item of iterable) items.push(item);
    return items;
  };

  beforeEach(() => {
    history = new InMemoryPriceHistory();
    sut = new GetPriceHistoryUseCase(history);
    history.add(
      { itemId: 'MLB1', ordClosedDt: '2024-02-02', price: 20 },
      { itemId: 'MLB1', ordClosedDt: '2024-02-01', price: 10 },
      { itemId: 'MLB2', ordClosedDt: '2024-02-01', price: 99 },
    );
  });

  it("returns the item's history oldest first", async () => {
    await expect(collect(sut.execute('MLB1'))).resolves.toEqual([
      { itemId: 'MLB1', ordClosedDt: '2024-02-01', price: 10 },
      { itemId: 'MLB1', ordClosedDt: '2024-02-02', price: 20 },
    ]);
  });

  it('returns an empty history for an unknown item', async () => {
    await expect(collect(sut.execute('111'))).resolves.toEqual([]);
  });

  it('applies the date window', async () => {
    await expect(collect(sut.execute('MLB1', { from: '2024-02-02' }))).resolves.toEqual([{ itemId: 'MLB1', ordClosedDt: '2024-02-02', price: 20 }]);
  });
});
