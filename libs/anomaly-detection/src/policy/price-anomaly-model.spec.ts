import { describe, expect, it } from '@jest/globals';
import { generateItemHistory } from '#csv-generator';
import { inHouseEngine } from '../engines/in-house.engine.js';
import { mlIsolationForestEngine } from '../engines/ml-isolation-forest.engine.js';
import { DEFAULT_DETECTION_POLICY } from './detection-policy.js';
import { PriceAnomalyModel } from './price-anomaly-model.js';

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

  it('explains the verdict with score, threshold, band and the model it came from', () => {
    const { metadata } = sut.judge(99.9);
    expect(metadata).toEqual({
      score: expect.any(Number),
      threshold: DEFAULT_DETECTION_POLICY.scoreThreshold,
      reason: 'isolation_forest',
      normal_range: { low: expect.any(Number), high: expect.any(Number) },
      direction: null,
      model: { engine: engine.name, trees: 100, sample_size: 100, trained_on: 100, seed: 42, history_version: '7', stale: false },
    });
    expect(metadata.score).toBeGreaterThan(0);
    expect(metadata.score).toBeLessThanOrEqual(1);
    expect(metadata.normal_range.low).toBeLessThan(84.9);
    expect(metadata.normal_range.high).toBeGreaterThan(179.9 / 2);
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
