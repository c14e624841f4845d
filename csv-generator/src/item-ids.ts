import type { Rng } from './random.js';

export const ITEM_ID_PATTERN = /^MLB\d{10}$/;

export function randomItemId(rng: Rng): string {
  return `MLB${rng.int(1_000_000_000, 9_999_999_999)}`;
}

/** Draws marketplace-like ids (`MLB` + 10 digits), never repeating one already taken. */
export class UniqueItemIds {
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string> = []) {
    this.taken = new Set(reserved);
  }

  next(rng: Rng): string {
    for (;;) {
      const id = randomItemId(rng);
      if (!this.taken.has(id)) {
        this.taken.add(id);
        return id;
      }
    }
  }
}
