import { Calendar } from './calendar.js';
import { createItemModel, sampleAnomaly, sampleDay, sampleObservedUnits } from './item-model.js';
import { type ItemPlan, planItems } from './item-plan.js';
import { formatPriceUnits, unitsToPrice } from './price-format.js';
import { Rng } from './random.js';

export const CSV_HEADER = 'ITEM_ID,ORD_CLOSED_DT,PRICE\n';
/** LINE is the 1-based line number in the data file (the header is line 1). FACTOR = PRICE / typical price. */
export const LABELS_HEADER = 'LINE,ITEM_ID,PRICE,ITEM_KIND,DIRECTION,FACTOR\n';

const CHUNK_CHARS = 64 * 1024;

export interface CsvChunk {
  readonly data: string;
  /** Label lines for anomalies injected into this chunk's rows (empty when none). */
  readonly labels: string;
}

export interface ChunkOptions {
  readonly from?: string;
  readonly to?: string;
  /** Share of rows replaced by an injected anomaly, 0..0.5. */
  readonly anomalyRate?: number;
}

export interface PriceCsvOptions extends ChunkOptions {
  readonly rows: number;
  readonly items: number;
  readonly seed: number;
}

/**
 * Streams the CSV for the given item plans, item by item and row by row, so memory stays flat
 * however large an item is. The first chunk starts with the header; the labels text has none.
 */
export function* generateCsvChunks(plans: Iterable<ItemPlan>, options: ChunkOptions = {}): Generator<CsvChunk> {
  const anomalyRate = options.anomalyRate ?? 0;
  if (!(anomalyRate >= 0 && anomalyRate <= 0.5)) throw new RangeError('anomalyRate must be within 0..0.5');
  const calendar = new Calendar(options.from, options.to);
  let data = CSV_HEADER;
  let labels = '';
  let line = 1;
  for (const plan of plans) {
    const rng = new Rng(plan.seed);
    // A separate stream, so injecting anomalies leaves every other row exactly as without them.
    const anomalyRng = new Rng(rng.childSeed());
    const model = createItemModel(rng, plan.spec, calendar.length);
    const prefix = `${plan.itemId},`;
    for (let index = 0; index < plan.size; index++) {
      line++;
      const planted = plan.plantedRows?.get(index);
      const day = planted?.day ?? sampleDay(model, rng);
      let units = planted?.units ?? sampleObservedUnits(model, rng, day);
      if (anomalyRate > 0 && anomalyRng.chance(anomalyRate)) {
        const anomaly = sampleAnomaly(model, anomalyRng);
        units = anomaly.units;
        const factor = (unitsToPrice(units) / model.typicalPrice).toFixed(4);
        labels += `${line},${plan.itemId},${formatPriceUnits(units)},${plan.spec.kind},${anomaly.direction},${factor}\n`;
      }
      data += `${prefix}${calendar.days[day]},${formatPriceUnits(units)}\n`;
      if (data.length >= CHUNK_CHARS) {
        yield { data, labels };
        data = '';
        labels = '';
      }
    }
  }
  if (data.length > 0 || labels.length > 0) yield { data, labels };
}

export function generatePriceCsvChunks(options: PriceCsvOptions): Generator<CsvChunk> {
  return generateCsvChunks(planItems(options), options);
}

/** The data CSV as text chunks, for piping into a file or an HTTP body. */
export async function* generatePriceCsv(options: PriceCsvOptions): AsyncGenerator<string> {
  for (const chunk of generatePriceCsvChunks(options)) yield chunk.data;
}
