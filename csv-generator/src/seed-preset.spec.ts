import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { SEED_PRESET_ROWS, seedPresetChunks, seedPresetPlans } from './seed-preset.js';
import { collectChunks } from './testing/csv-text.js';

const SHIPPED_SEED = new URL('../../db-seed/precios_historicos.csv', import.meta.url);

describe('seed preset', () => {
  it('plans 300 items holding exactly the seed row count', () => {
    const plans = seedPresetPlans();
    expect(plans).toHaveLength(300);
    expect(plans.reduce((total, plan) => total + plan.size, 0)).toBe(SEED_PRESET_ROWS);
  });

  it('regenerates the shipped db-seed file byte for byte', async () => {
    expect(collectChunks(seedPresetChunks()).data).toBe(await readFile(SHIPPED_SEED, 'utf8'));
  });
});
