import { describe, expect, it } from '@jest/globals';
import { CSV_HEADER, generatePriceCsv, generatePriceCsvChunks } from './csv-chunks.js';
import { ITEM_ID_PATTERN } from './item-ids.js';
import { collectChunks, dataLines, parseDataLine } from './testing/csv-text.js';

const options = { rows: 20_000, items: 60, seed: 42 };

describe('generatePriceCsvChunks', () => {
  it('gives byte-identical output for the same options and different output for another seed', () => {
    const first = collectChunks(generatePriceCsvChunks(options)).data;
    expect(collectChunks(generatePriceCsvChunks(options)).data).toBe(first);
    expect(collectChunks(generatePriceCsvChunks({ ...options, seed: 43 })).data).not.toBe(first);
  });

  it('writes the header, exactly the requested rows and items, and LF-terminated lines', () => {
    const { data } = collectChunks(generatePriceCsvChunks(options));
    expect(data.startsWith(CSV_HEADER)).toBe(true);
    expect(data.endsWith('\n')).toBe(true);
    expect(data).not.toMatch(/\r| \n/);
    const lines = dataLines(data);
    expect(lines).toHaveLength(options.rows);
    expect(new Set(lines.map((line) => line.split(',')[0])).size).toBe(options.items);
  });

  it('writes only lines of the upload grammar, with prices of at most 4 decimals inside the date range', () => {
    const rows = dataLines(collectChunks(generatePriceCsvChunks(options)).data).map(parseDataLine);
    expect(rows.filter((row) => row === undefined)).toHaveLength(0);
    for (const row of rows) {
      expect(row?.itemId).toMatch(ITEM_ID_PATTERN);
      expect(row!.date >= '2023-12-13' && row!.date <= '2024-03-11').toBe(true);
    }
  });

  it('groups rows by item without sorting them by date', () => {
    const rows = dataLines(collectChunks(generatePriceCsvChunks(options)).data).map((line) => parseDataLine(line)!);
    const finished = new Set<string>();
    let unsorted = 0;
    for (let i = 1; i < rows.length; i++) {
      const [previous, row] = [rows[i - 1]!, rows[i]!];
      if (row.itemId !== previous.itemId) {
        finished.add(previous.itemId);
        expect(finished.has(row.itemId)).toBe(false);
      } else if (row.date < previous.date) unsorted++;
    }
    expect(unsorted).toBeGreaterThan(rows.length / 4);
  });

  it('skews item sizes: most items ordinary, a few huge ones holding the rest', () => {
    const counts = new Map<string, number>();
    for (const line of dataLines(collectChunks(generatePriceCsvChunks(options)).data)) {
      const id = line.slice(0, line.indexOf(','));
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const sizes = [...counts.values()].sort((a, b) => b - a);
    expect(sizes[0]).toBeGreaterThan(5_000);
    expect(sizes.filter((size) => size >= 40 && size <= 190).length).toBeGreaterThan(options.items * 0.7);
  });

  it('injects no anomalies and no labels without an anomaly rate', () => {
    expect(collectChunks(generatePriceCsvChunks(options)).labels).toBe('');
  });

  it('labels every injected anomaly with the data line that holds it, leaving the other rows untouched', () => {
    const clean = dataLines(collectChunks(generatePriceCsvChunks(options)).data);
    const { data, labels } = collectChunks(generatePriceCsvChunks({ ...options, anomalyRate: 0.05 }));
    const fileLines = data.split('\n');
    const labelLines = labels.split('\n').slice(0, -1);
    expect(labelLines.length).toBeGreaterThan(options.rows * 0.04);
    expect(labelLines.length).toBeLessThan(options.rows * 0.06);
    const anomalousLines = new Set<number>();
    for (const label of labelLines) {
      const [line, itemId, price, kind, direction, factor] = label.split(',');
      const row = parseDataLine(fileLines[Number(line) - 1]!);
      expect(row).toMatchObject({ itemId, priceText: price });
      expect(['sticky', 'noisy', 'dispersed']).toContain(kind);
      const ratio = Number(factor);
      expect(direction === 'high' ? ratio >= 2.9 : ratio <= 1 / 2.9).toBe(true);
      anomalousLines.add(Number(line));
    }
    const changed = clean.filter((line, i) => line !== fileLines[i + 1] && !anomalousLines.has(i + 2));
    expect(changed).toHaveLength(0);
  });

  it('rejects an anomaly rate outside 0..0.5', () => {
    expect(() => collectChunks(generatePriceCsvChunks({ ...options, anomalyRate: 0.6 }))).toThrow(RangeError);
  });

  it('rejects fewer rows than items', () => {
    expect(() => generatePriceCsvChunks({ rows: 5, items: 6, seed: 1 })).toThrow(RangeError);
  });
});

describe('generatePriceCsv', () => {
  it('streams the same text as the chunk generator', async () => {
    let text = '';
    for await (const chunk of generatePriceCsv({ rows: 3_000, items: 10, seed: 9 })) text += chunk;
    expect(text).toBe(collectChunks(generatePriceCsvChunks({ rows: 3_000, items: 10, seed: 9 })).data);
  });
});
