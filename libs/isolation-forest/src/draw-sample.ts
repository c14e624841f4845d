import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * Returns a function drawing `size` values without replacement, sorted ascending (the same array
 * every time when the sample is all of `values`: callers must not change it). Floyd's
 * algorithm costs O(size) whatever the length of `values`, which keeps training time independent
 * of n; the membership marks are shared by all draws and cleared after each.
 */
export function sortedSampleDrawer(values: readonly number[], size: number, rng: RandomGenerator): () => Float64Array {
  if (size === values.length) {
    const everything = Float64Array.from(values).sort();
    return () => everything;
  }
  const chosen = new Uint8Array(values.length);
  const picks = new Int32Array(size);
  return () => {
    let count = 0;
    for (let upper = values.length - size; upper < values.length; upper++) {
      const candidate = uniformInt(rng, 0, upper);
      const pick = chosen[candidate] === 1 ? upper : candidate;
      chosen[pick] = 1;
      picks[count++] = pick;
    }
    const sample = new Float64Array(size);
    for (let k = 0; k < size; k++) {
      sample[k] = values[picks[k]];
      chosen[picks[k]] = 0;
    }
    return sample.sort();
  };
}
