import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

// xoroshiro128+ seeded with nearby integers starts with correlated outputs; skipping a few decorrelates them.
const WARM_UP_DRAWS = 16;

/** Seeded random source on top of pure-rand (mutable generator, one per item). */
export class Rng {
  private readonly generator: RandomGenerator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed);
    for (let i = 0; i < WARM_UP_DRAWS; i++) this.generator.next();
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator);
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  /** Uniform integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.generator, from, to);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  /** Standard normal draw (Box-Muller). */
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(0, values.length - 1)] as T;
  }

  /** A seed for an independent child stream. */
  childSeed(): number {
    return this.generator.next() >>> 0;
  }
}
