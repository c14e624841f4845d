// Regenerate the shipped seed file (from the repository root):
//   npm run generate -- --preset seed --out db-seed/precios_historicos.csv
// It reproduces the published statistics of the original export (see DATASET.md); the spec in
// db-seed/src/dataset-statistics.spec.ts checks them on the shipped file.
import { Calendar } from './calendar.js';
import { type CsvChunk, generateCsvChunks } from './csv-chunks.js';
import { UniqueItemIds } from './item-ids.js';
import type { ItemKind, ItemSpec } from './item-model.js';
import type { ItemPlan, PlantedRow } from './item-plan.js';
import { drawOrdinarySize, fitToTotal, shuffle } from './item-sizes.js';
import { toPriceUnits } from './price-format.js';
import { Rng } from './random.js';

export const SEED_PRESET_SEED = 20_240_311;
export const SEED_PRESET_ROWS = 175_914;

const ORDINARY_ITEMS = 297;
const ORDINARY_ROWS = 27_808;
const LARGEST_ORDINARY_SIZE = 251;
const WHOLE_RANGE = { firstDay: 0, lastDay: 89 } as const;

interface PresetItem {
  readonly itemId: string;
  readonly spec: ItemSpec;
  readonly size?: number;
  /** Planted rows as [row index, date, price]. */
  readonly planted?: readonly (readonly [number, string, number])[];
}

/** Named and hand-shaped items; every other ordinary item is drawn at random. */
const FIRST_ITEM: PresetItem = {
  itemId: 'MLB4432316952',
  spec: { kind: 'sticky', typicalPrice: 22.01, decimals: 2, ...WHOLE_RANGE },
  planted: [[0, '2024-02-15', 22.01]],
};

const HUGE_ITEMS: readonly PresetItem[] = [
  { itemId: 'MLB3836655204', size: 96_448, spec: { kind: 'noisy', typicalPrice: 51, dispersion: 0.12, decimals: 2, outlierShare: 0.004, ...WHOLE_RANGE } },
  { itemId: 'MLB3836681004', size: 48_709, spec: { kind: 'noisy', typicalPrice: 62, dispersion: 0.12, decimals: 2, outlierShare: 0.004, ...WHOLE_RANGE } },
  { itemId: 'MLB3836669552', size: 2_949, spec: { kind: 'sticky', typicalPrice: 36.9, decimals: 2, outlierShare: 0.005, ...WHOLE_RANGE } },
];

const SHAPED_ITEMS: readonly PresetItem[] = [
  { itemId: 'MLB1073354076', spec: { kind: 'sticky', typicalPrice: 89.9, decimals: 2, ...WHOLE_RANGE } },
  { itemId: 'MLB4097203966', spec: { kind: 'sticky', typicalPrice: 149.9, decimals: 2, ...WHOLE_RANGE } },
  {
    // The old README's detection example: median ~185, most rows 110..511, two outliers above 1,000.
    itemId: 'MLB1450506718',
    size: 67,
    spec: { kind: 'sticky', typicalPrice: 184.9, decimals: 2, outlierShare: 0, ...WHOLE_RANGE },
    planted: [
      [7, '2023-12-22', 329.9],
      [19, '2024-01-09', 389],
      [31, '2024-01-26', 449.9],
      [44, '2024-02-12', 511],
      [52, '2024-02-21', 1389.9],
      [60, '2024-03-02', 2599],
    ],
  },
  {
    // Holds the file's lowest price: a cheap unit-priced item (4 decimals).
    itemId: 'MLB2915640378',
    spec: { kind: 'sticky', typicalPrice: 3.49, decimals: 4, outlierShare: 0, ...WHOLE_RANGE },
    planted: [[23, '2024-01-18', 1.9241]],
  },
  {
    // Deliberately dispersed: 15.62 .. 4173.38 around a median of ~606.
    itemId: 'MLB1893306570',
    spec: { kind: 'dispersed', typicalPrice: 640, dispersion: 1.05, low: 15.62, high: 4173.38, decimals: 2 },
    planted: [
      [11, '2024-01-04', 15.62],
      [57, '2024-02-27', 4173.38],
    ],
  },
  {
    // Dispersed; holds the file's highest price.
    itemId: 'MLB3371920245',
    spec: { kind: 'dispersed', typicalPrice: 780, dispersion: 0.8, low: 40, high: 5466.29, decimals: 2 },
    planted: [[38, '2024-02-08', 5466.29]],
  },
  { itemId: 'MLB2264018837', spec: { kind: 'dispersed', typicalPrice: 45, dispersion: 0.85, decimals: 2 } },
  { itemId: 'MLB4760283119', spec: { kind: 'dispersed', typicalPrice: 120, dispersion: 0.9, decimals: 2 } },
  { itemId: 'MLB1638845902', spec: { kind: 'dispersed', typicalPrice: 22, dispersion: 0.9, decimals: 2 } },
];

export function seedPresetPlans(): ItemPlan[] {
  const rng = new Rng(SEED_PRESET_SEED);
  const calendar = new Calendar();
  const named = [FIRST_ITEM, ...HUGE_ITEMS, ...SHAPED_ITEMS];
  const ids = new UniqueItemIds(named.map((item) => item.itemId));
  const drawn: PresetItem[] = Array.from({ length: ORDINARY_ITEMS - 1 - SHAPED_ITEMS.length }, () => ({
    itemId: ids.next(rng),
    spec: { kind: drawKind(rng), typicalPrice: Math.min(2000, Math.max(6, Math.exp(4 + 0.9 * rng.normal()))) },
  }));
  const ordinary = [FIRST_ITEM, ...SHAPED_ITEMS, ...drawn];
  const sizes = ordinarySizes(rng, ordinary);
  const rest = shuffle(rng, [...ordinary.slice(1), ...HUGE_ITEMS]);
  return [FIRST_ITEM, ...rest].map((item) => ({
    itemId: item.itemId,
    size: item.size ?? (sizes.get(item.itemId) as number),
    seed: rng.childSeed(),
    spec: item.spec,
    ...(item.planted ? { plantedRows: plantedRows(item, calendar) } : {}),
  }));
}

export function seedPresetChunks(): Generator<CsvChunk> {
  return generateCsvChunks(seedPresetPlans());
}

function drawKind(rng: Rng): ItemKind {
  return rng.chance(0.75) ? 'sticky' : 'noisy';
}

/** Sizes for the ordinary items without a fixed size: one at the maximum, the rest fitted to the total. */
function ordinarySizes(rng: Rng, ordinary: readonly PresetItem[]): Map<string, number> {
  const free = ordinary.filter((item) => item.size === undefined);
  const fixedRows = ordinary.reduce((total, item) => total + (item.size ?? 0), 0);
  const weights = free.slice(1).map(() => drawOrdinarySize(rng));
  const fitted = fitToTotal(weights, ORDINARY_ROWS - fixedRows - LARGEST_ORDINARY_SIZE, 12, LARGEST_ORDINARY_SIZE);
  const sizes = [LARGEST_ORDINARY_SIZE, ...fitted];
  return new Map(free.map((item, i) => [item.itemId, sizes[(i + 17) % sizes.length] as number]));
}

function plantedRows(item: PresetItem, calendar: Calendar): Map<number, PlantedRow> {
  return new Map(
    (item.planted ?? []).map(([index, date, price]) => [index, { day: calendar.offsetOf(date), units: toPriceUnits(price, 4) }]),
  );
}
