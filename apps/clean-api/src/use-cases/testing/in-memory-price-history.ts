import { Readable } from 'node:stream';
import { CsvInvalidError } from '../../domain/errors.js';
import type { HistorySummary } from '../../domain/anomaly-verdict.js';
import type { HistoryWindow, ImportOutcome, ItemVersion, PricePoint, VersionedPrices } from '../../domain/price-point.js';
import type { ItemPrices } from '../detect-price-anomaly/item-prices.port.js';
import { dayNumber, RECENT_ORDERS } from '../../domain/price-point.js';
import type { PriceHistoryReader } from '../get-price-history/price-history-reader.port.js';
import type { PriceHistoryImporter } from '../import-price-history/price-history-importer.port.js';

/** In-memory fakes of the use cases' ports: behaviour, not mocked calls. */
export class InMemoryPriceHistory implements PriceHistoryReader, ItemPrices, PriceHistoryImporter {
  readonly points: PricePoint[] = [];
  private readonly versions = new Map<string, number>();
  private readonly imports = new Map<string, ImportOutcome>();
  pricesLoads = 0;
  /** Plays a database outage: versions come from memory, marked stale. */
  unreachable = false;

  add(...points: PricePoint[]): void {
    this.points.push(...points);
    for (const itemId of new Set(points.map((p) => p.itemId))) this.versions.set(itemId, (this.versions.get(itemId) ?? 0) + 1);
  }

  async *stream(itemId: string, window: HistoryWindow): AsyncGenerator<PricePoint> {
    const rows = this.points
      .map((point, order) => ({ point, order }))
      .filter(({ point }) => point.itemId === itemId && (!window.from || point.ordClosedDt >= window.from) && (!window.to || point.ordClosedDt <= window.to))
      .sort((a, b) => a.point.ordClosedDt.localeCompare(b.point.ordClosedDt) || a.order - b.order)
      .map(({ point }) => point);
    const start = window.offset ?? 0;
    yield* rows.slice(start, window.limit === undefined ? undefined : start + window.limit);
  }

  async summary(itemId: string): Promise<HistorySummary> {
    const all: PricePoint[] = [];
    for await (const point of this.stream(itemId, {})) all.push(point);
    return { count: all.length, firstDate: all[0]?.ordClosedDt ?? null, lastDate: all.at(-1)?.ordClosedDt ?? null };
  }

  async *ordersOutside(itemId: string, below: number, above: number): AsyncGenerator<PricePoint[]> {
    const outside: PricePoint[] = [];
    for await (const point of this.stream(itemId, {})) if (point.price < below || point.price > above) outside.push(point);
    yield outside;
  }

  async versionOf(itemId: string): Promise<ItemVersion | null> {
    return this.versions.has(itemId) ? { version: String(this.versions.get(itemId)), stale: this.unreachable } : null;
  }

  async pricesOf(itemId: string): Promise<VersionedPrices | null> {
    this.pricesLoads++;
    const current = await this.versionOf(itemId);
    if (current === null) return null;
    const latest: PricePoint[] = [];
    for await (const point of this.stream(itemId, {})) latest.push(point);
    const recent = latest.slice(-RECENT_ORDERS);
    return { version: current.version, prices: latest.map((p) => p.price), recent: recent.map((p) => p.price), recentDays: recent.map((p) => dayNumber(p.ordClosedDt)) };
  }

  /** Reads `item,date,price` lines; any line with a non-positive price rejects the whole file. */
  async import(csv: Readable, _fileName: string | null): Promise<ImportOutcome> {
    let text = '';
    for await (const chunk of csv) text += chunk;
    const previous = this.imports.get(text);
    if (previous) return { ...previous, created: false, inserted: 0 };
    const rows = text.trim().split('\n').slice(1).map((line) => line.split(','));
    const bad = rows.findIndex(([, , price]) => !(Number(price) > 0));
    if (bad >= 0) throw new CsvInvalidError([{ line: bad + 2, column: 'PRICE', value: rows[bad][2], message: 'bad price' }], 1);
    this.add(...rows.map(([itemId, ordClosedDt, price]) => ({ itemId, ordClosedDt, price: Number(price) })));
    const outcome = { created: true, importId: `import-${this.imports.size + 1}`, inserted: rows.length, sha256: String(text.length) };
    this.imports.set(text, outcome);
    return outcome;
  }
}

export const csvStream = (text: string) => Readable.from([text]);
