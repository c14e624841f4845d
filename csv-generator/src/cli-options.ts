import { parseArgs } from 'node:util';
import { DEFAULT_FROM, DEFAULT_TO, parseIsoDay } from './calendar.js';

export const USAGE = `Usage: npm run generate -- --rows N [--items K] [--seed S] --out FILE
                         [--labels FILE [--anomaly-rate R]] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
       npm run generate -- --preset seed --out FILE

  --rows N          data rows to write (integer >= 1)
  --items K         distinct items (1..N; default N/586, the seed file's ratio)
  --seed S          integer 0..4294967295 (default 1); the same arguments give the same bytes
  --out FILE        the ITEM_ID,ORD_CLOSED_DT,PRICE CSV to write
  --labels FILE     also write LINE,ITEM_ID,PRICE,ITEM_KIND,DIRECTION,FACTOR for injected anomalies
  --anomaly-rate R  share of rows replaced by an anomaly, 0..0.5 (needs --labels; default 0)
  --from, --to      date range, both included (default ${DEFAULT_FROM} .. ${DEFAULT_TO})
  --preset seed     the dataset shipped in db-seed/precios_historicos.csv (takes only --out)
`;

export class UsageError extends Error {}

export type CliOptions =
  | { readonly mode: 'help' }
  | { readonly mode: 'preset'; readonly preset: 'seed'; readonly out: string }
  | {
      readonly mode: 'generate';
      readonly rows: number;
      readonly items: number;
      readonly seed: number;
      readonly out: string;
      readonly labels?: string;
      readonly anomalyRate: number;
      readonly from: string;
      readonly to: string;
    };

const SEED_ROWS_PER_ITEM = 586;

export function parseCliOptions(argv: readonly string[]): CliOptions {
  const { values, positionals } = parseOrThrow(argv);
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  if (values.help) return { mode: 'help' };
  const out = values.out;
  if (!out) throw new UsageError('--out FILE is required');
  if (values.preset !== undefined) {
    if (values.preset !== 'seed') throw new UsageError(`unknown preset: ${values.preset} (known: seed)`);
    const extra = ['rows', 'items', 'seed', 'labels', 'anomaly-rate', 'from', 'to'].find((name) => name in values);
    if (extra) throw new UsageError(`--preset seed fixes every setting; remove --${extra}`);
    return { mode: 'preset', preset: 'seed', out };
  }
  if (values.rows === undefined) throw new UsageError('--rows N is required');
  const rows = integerFlag('rows', values.rows, 1, Number.MAX_SAFE_INTEGER);
  const items =
    values.items === undefined
      ? Math.max(1, Math.min(rows, Math.round(rows / SEED_ROWS_PER_ITEM)))
      : integerFlag('items', values.items, 1, rows);
  const seed = values.seed === undefined ? 1 : integerFlag('seed', values.seed, 0, 0xffff_ffff);
  const anomalyRate = values['anomaly-rate'] === undefined ? 0 : rateFlag(values['anomaly-rate']);
  if (values['anomaly-rate'] !== undefined && !values.labels) throw new UsageError('--anomaly-rate needs --labels FILE');
  const from = dateFlag('from', values.from ?? DEFAULT_FROM);
  const to = dateFlag('to', values.to ?? DEFAULT_TO);
  if (parseIsoDay(to)! < parseIsoDay(from)!) throw new UsageError(`--to ${to} is before --from ${from}`);
  return { mode: 'generate', rows, items, seed, out, anomalyRate, from, to, ...(values.labels ? { labels: values.labels } : {}) };
}

function parseOrThrow(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        rows: { type: 'string' },
        items: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        labels: { type: 'string' },
        'anomaly-rate': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        preset: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function integerFlag(name: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer in ${min}..${max}, got "${text}"`);
  }
  return value;
}

function rateFlag(text: string): number {
  const value = /^\d*\.?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 0 && value <= 0.5)) throw new UsageError(`--anomaly-rate must be a number in 0..0.5, got "${text}"`);
  return value;
}

function dateFlag(name: string, text: string): string {
  if (parseIsoDay(text) === undefined) throw new UsageError(`--${name} must be a real date YYYY-MM-DD, got "${text}"`);
  return text;
}
