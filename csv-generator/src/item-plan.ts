import { UniqueItemIds } from './item-ids.js';
import type { ItemKind, ItemSpec } from './item-model.js';
import { allocateItemSizes, ORDINARY_MAX_ROWS } from './item-sizes.js';
import { Rng } from './random.js';

/** A row fixed in advance (a documented example or a dataset extreme), by its index in the item. */
export interface PlantedRow {
  readonly day: number;
  readonly units: number;
}

/** Everything needed to stream one item's rows; small, so a plan for every item fits in memory. */
export interface ItemPlan {
  readonly itemId: string;
  readonly size: number;
  readonly seed: number;
  readonly spec: ItemSpec;
  readonly plantedRows?: ReadonlyMap<number, PlantedRow>;
}

export interface PlanOptions {
  readonly rows: number;
  readonly items: number;
  readonly seed: number;
}

export function planItems(options: PlanOptions): ItemPlan[] {
  const rng = new Rng(options.seed);
  const ids = new UniqueItemIds();
  return allocateItemSizes(rng, options.rows, options.items).map((size) => ({
    itemId: ids.next(rng),
    size,
    seed: rng.childSeed(),
    spec: { kind: drawKind(rng, size > ORDINARY_MAX_ROWS) },
  }));
}

function drawKind(rng: Rng, huge: boolean): ItemKind {
  const roll = rng.float();
  if (huge) return roll < 0.5 ? 'sticky' : 'noisy';
  if (roll < 0.05) return 'dispersed';
  return roll < 0.3 ? 'noisy' : 'sticky';
}
