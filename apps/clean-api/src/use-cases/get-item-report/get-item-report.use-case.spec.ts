import { beforeEach, describe, expect, it } from '@jest/globals';
import { inHouseEngine, PriceModelRegistry } from '#libs/anomaly-detection';
import { ItemNotFoundError } from '../../domain/errors.js';
import { InMemoryPriceHistory } from '../testing/in-memory-price-history.js';
import { GetItemReportUseCase } from './get-item-report.use-case.js';

describe(GetItemReportUseCase.name, () => {
  let history: InMemoryPriceHistory;
  let sut: GetItemReportUseCase;

  beforeEach(() => {
    history = new InMemoryPriceHistory();
    sut = new GetItemReportUseCase(history, new PriceModelRegistry(inHouseEngine), history);
    const days = Array.from({ length: 40 }, (_, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')}`);
    history.add(...days.map((ordClosedDt, i) => ({ itemId: 'MLB1', ordClosedDt, price: i === 20 ? 1000 : 100 + (i % 3) })));
  });

  it('summarises the item and lists the past orders its model flags, oldest first', async () => {
    const { version, report } = await sut.execute('MLB1');
    expect(version).toBe('1');
    expect(report).toMatchObject({ count: 40, firstDate: '2024-01-01', lastDate: '2024-01-28', flaggedTotal: 1 });
    expect(report.flagged).toEqual([{ ordClosedDt: expect.any(String), price: 1000, severity: expect.any(Number), direction: 'high', reason: 'outside_normal_range' }]);
  });

  it('flags more of the past at a higher sensitivity, never less', async () => {
    const [low, high] = [await sut.execute('MLB1', 0), await sut.execute('MLB1', 100)];
    expect(high.report.flaggedTotal).toBeGreaterThanOrEqual(low.report.flaggedTotal);
  });

  it('rejects an unknown item with ItemNotFoundError', async () => {
    await expect(sut.execute('111')).rejects.toEqual(new ItemNotFoundError('111'));
  });
});
