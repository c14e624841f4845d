import { describe, expect, it } from '@jest/globals';
import { generateItemHistory } from '#csv-generator';
import { inHouseEngine } from '../engines/in-house.engine.js';
import { mlIsolationForestEngine } from '../engines/ml-isolation-forest.engine.js';
import { DEFAULT_DETECTION_POLICY } from './detection-policy.js';
import { PriceAnomalyModel } from './price-anomaly-model.js';
import { dayNumber, RECENT_ORDERS } from '#libs/price-history';

const fail = (): never => {
  throw new Error('the in-house engine must grow');
};

/** A sticky item: regular price 99.90 most days, a 15% promotion now and then, one mild outlier. */
const stickyPrices = [...Array(80).fill(99.9), ...Array(15).fill(84.9), ...Array(4).fill(104.9), 179.9];

describe.each([inHouseEngine, mlIsolationForestEngine])('PriceAnomalyModel with the $name engine', (engine) => {
  const sut = PriceAnomalyModel.train(stickyPrices, '7', engine);

  it('calls the regular price, a promotion and the seen outlier normal', () => {
    for (const price of [99.9, 84.9, 104.9]) expect(sut.judge(price).anomaly).toBe(false);
  });

  it('flags 3x and a third of the regular price, with the direction and reason', () => {
    expect(sut.judge(299.7).metadata).toMatchObject({ reason: 'outside_normal_range', direction: 'high' });
    expect(sut.judge(299.7).anomaly).toBe(true);
    expect(sut.judge(33.3).metadata).toMatchObject({ reason: 'outside_normal_range', direction: 'low' });
    expect(sut.judge(33.3).anomaly).toBe(true);
  });

  it('explains the verdict: score, threshold, band, expected price, severity and the model it came from', () => {
    const { metadata } = sut.judge(99.9);
    expect(metadata).toEqual({
      score: expect.any(Number),
      threshold: DEFAULT_DETECTION_POLICY.scoreThreshold,
      reason: 'isolation_forest',
      normal_range: { low: expect.any(Number), high: expect.any(Number) },
      direction: null,
      expected: expect.any(Number),
      severity: 0,
      model: { engine: engine.name, trees: 100, sample_size: 100, trained_on: 100, seed: 42, history_version: '7', sensitivity: 50, stale: false },
    });
    expect(metadata.score).toBeGreaterThan(0);
    expect(metadata.score).toBeLessThanOrEqual(1);
    expect(metadata.normal_range.low).toBeLessThan(84.9);
    expect(metadata.normal_range.high).toBeGreaterThan(104.9);
  });

  it('catches the doubled price of a sticky item, and the promotion cut twice as deep', () => {
    expect(sut.judge(199.8)).toMatchObject({ anomaly: true, metadata: { reason: 'outside_normal_range', direction: 'high' } });
    expect(sut.judge(84.9 / 2)).toMatchObject({ anomaly: true, metadata: { direction: 'low' } });
  });

  it('keeps a gross error already in the history out of the band (robust levels)', () => {
    const withError = PriceAnomalyModel.train([...stickyPrices, 999], '8', engine);
    expect(withError.normalRange()).toEqual(sut.normalRange());
    expect(withError.judge(999).anomaly).toBe(true);
  });

  it('flags more as the sensitivity rises: a narrower band, never a wider one', () => {
    const ranges = [0, 25, 50, 75, 100].map((sensitivity) => sut.normalRange(sensitivity));
    for (let i = 1; i < ranges.length; i++) {
      expect(ranges[i].low).toBeGreaterThanOrEqual(ranges[i - 1].low);
      expect(ranges[i].high).toBeLessThanOrEqual(ranges[i - 1].high);
    }
    expect(sut.judge(150, { sensitivity: 0 }).anomaly).toBe(false);
    expect(sut.judge(150, { sensitivity: 100 })).toMatchObject({ anomaly: true, metadata: { model: { sensitivity: 100 } } });
  });

  it('rates severity 0 within the levels, 50 at the edge of the default band, rising with the distance', () => {
    const { high } = sut.normalRange();
    expect(sut.judge(99.9).metadata.severity).toBe(0);
    expect(sut.judge(high).metadata.severity).toBeCloseTo(50, 0);
    const severities = [1.5, 2, 3, 10, 100].map((factor) => sut.judge(99.9 * factor).metadata.severity);
    expect([...severities].sort((a, b) => a - b)).toEqual(severities);
    expect(severities.at(-1)).toBeLessThanOrEqual(100);
  });

  it("expects the item's price now: the median of its most recent orders", () => {
    const repriced = PriceAnomalyModel.train([...Array(60).fill(100), ...Array(40).fill(140)], '9', engine);
    expect(repriced.expected).toBe(140);
    expect(repriced.judge(100).anomaly).toBe(false); // the old level was normal too
  });

  it('calls both tiers of an item sold as a unit and as a pack normal, and a price beyond the pack abnormal', () => {
    const tiers = PriceAnomalyModel.train(Array.from({ length: 90 }, (_, i) => (i % 3 === 0 ? 25 : 10) * (1 + (i % 5) / 100)), '3', engine);
    expect(tiers.judge(10).anomaly).toBe(false);
    expect(tiers.judge(25).anomaly).toBe(false);
    expect(tiers.judge(50).anomaly).toBe(true);
  });

  it('sees beyond the training range, where the forest alone cannot', () => {
    const max = Math.max(...stickyPrices);
    expect(sut.judge(max * 10).metadata.score).toBeCloseTo(sut.judge(max).metadata.score, 10);
    expect(sut.judge(max * 10).anomaly).toBe(true);
  });

  it('gives the same verdict and score for the same history, every time', () => {
    const again = PriceAnomalyModel.train(stickyPrices, '7', engine);
    for (const price of [50, 84.9, 99.9, 140, 600]) expect(again.judge(price)).toEqual(sut.judge(price));
  });

  it('decides a very short history with the band alone, and says so', () => {
    const short = PriceAnomalyModel.train([20, 21], '1', engine);
    expect(short.judge(20.5)).toMatchObject({ anomaly: false, metadata: { reason: 'insufficient_history' } });
    expect(short.judge(200)).toMatchObject({ anomaly: true, metadata: { reason: 'insufficient_history', direction: 'high' } });
  });

  it('handles a single price without NaN', () => {
    const single = PriceAnomalyModel.train([42], '1', engine);
    expect(single.judge(42)).toMatchObject({ anomaly: false, metadata: { score: 0.5 } });
    expect(single.judge(420).anomaly).toBe(true);
  });

  it('judges a constant history by the band around its one price', () => {
    const constant = PriceAnomalyModel.train(Array(50).fill(10), '1', engine);
    expect(constant.judge(10)).toMatchObject({ anomaly: false, metadata: { reason: 'constant_history' } });
    expect(constant.judge(12)).toMatchObject({ anomaly: false, metadata: { reason: 'constant_history' } });
    expect(constant.judge(30)).toMatchObject({ anomaly: true, metadata: { reason: 'constant_history', direction: 'high' } });
  });

  it('scales the band with a dispersed item: 3x its median is an ordinary order there', () => {
    const item = generateItemHistory({ kind: 'dispersed', size: 200, seed: 3, typicalPrice: 100 });
    const model = PriceAnomalyModel.train(item.prices, '1', engine);
    expect(model.judge(300).anomaly).toBe(false);
    expect(model.judge(item.normalHigh * 5).anomaly).toBe(true);
    expect(model.judge(item.normalLow / 5).anomaly).toBe(true);
  });
});

describe('PriceAnomalyModel.grow', () => {
  it('grows by appended orders into exactly the band, levels and expected price of a model trained on the grown history', () => {
    const shapes = [
      generateItemHistory({ kind: 'dispersed', size: 200, seed: 5, typicalPrice: 80 }).prices,
      [...stickyPrices, ...Array(30).fill(120), 99.9, 500],
      Array.from({ length: 1500 }, (_, i) => 50 + (i % 17) / 10 + (i > 1200 ? 20 : 0)),
    ];
    for (const prices of shapes) {
      const day = (i: number) => `2024-${String(1 + Math.floor(i / 200)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const ordered = prices.map((price, i) => ({ price, ordClosedDt: day(i) })).sort((a, b) => a.ordClosedDt.localeCompare(b.ordClosedDt));
      const start = Math.floor(ordered.length / 2);
      const rows = ordered.slice(start);
      // A few orders of earlier days arrive late: they go before the later days, not at the end.
      rows.splice(5, 0, { price: ordered[0].price, ordClosedDt: ordered[0].ordClosedDt });
      let grown = PriceAnomalyModel.train(ordered.slice(0, start).map((o) => o.price), '1', inHouseEngine, undefined, undefined,
        ordered.slice(0, start).map((o) => dayNumber(o.ordClosedDt)));
      for (let at = 0; at < rows.length; at += 37) grown = grown.grow(rows.slice(at, at + 37), '2') ?? fail();
      const all = [...ordered.slice(0, start), ...rows];
      const inTimeOrder = all.map((o, i) => ({ ...o, i })).sort((a, b) => a.ordClosedDt.localeCompare(b.ordClosedDt) || a.i - b.i);
      const recent = inTimeOrder.slice(-RECENT_ORDERS);
      const trained = PriceAnomalyModel.train(all.map((o) => o.price), '2', inHouseEngine, undefined, recent.map((o) => o.price), recent.map((o) => dayNumber(o.ordClosedDt)));
      for (const sensitivity of [0, 50, 100]) expect(grown.normalRange(sensitivity)).toEqual(trained.normalRange(sensitivity));
      expect(grown.expected).toBe(trained.expected);
      expect(grown.description()).toEqual(trained.description());
      const { high, low } = trained.normalRange();
      for (const price of [high * 1.01, low * 0.99, high * 3]) expect(grown.judge(price).anomaly).toBe(true);
    }
  });

  it('gives no grown model with the ml-isolation-forest engine, which can only train afresh', () => {
    expect(PriceAnomalyModel.train(stickyPrices, '1', mlIsolationForestEngine).grow([{ ordClosedDt: '2024-01-01', price: 99.9 }], '2')).toBeNull();
  });
});
