import { parseIsoDay } from '../calendar.js';
import type { CsvChunk } from '../csv-chunks.js';

export interface CsvText {
  readonly data: string;
  readonly labels: string;
}

export function collectChunks(chunks: Iterable<CsvChunk>): CsvText {
  let data = '';
  let labels = '';
  for (const chunk of chunks) {
    data += chunk.data;
    labels += chunk.labels;
  }
  return { data, labels };
}

export interface CsvRow {
  readonly itemId: string;
  readonly date: string;
  readonly price: number;
  readonly priceText: string;
}

const ROW = /^([A-Za-z0-9_-]{1,64}),(\d{4}-\d{2}-\d{2}),(\d+(?:\.\d{1,4})?)$/;

/** The row a data line holds, or undefined when it breaks the upload grammar. */
export function parseDataLine(line: string): CsvRow | undefined {
  const match = ROW.exec(line);
  if (!match) return undefined;
  const [, itemId, date, priceText] = match as unknown as [string, string, string, string];
  const price = Number(priceText);
  if (parseIsoDay(date) === undefined || !(price > 0)) return undefined;
  return { itemId, date, price, priceText };
}

/** Data lines without the header or the final newline's empty remainder. */
export function dataLines(data: string): string[] {
  return data.split('\n').slice(1, -1);
}
