import { generatePriceCsv } from '#csv-generator';

/** A realistic price file of `rows` rows from csv-generator (deterministic for a seed). */
export async function generatedCsv(rows: number, seed: number): Promise<string> {
  let text = '';
  for await (const chunk of generatePriceCsv({ rows, items: Math.max(1, Math.round(rows / 500)), seed })) text += chunk;
  return text;
}
