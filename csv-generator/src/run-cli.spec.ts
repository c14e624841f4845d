import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';
import { collectChunks } from './testing/csv-text.js';
import { MemoryWritable } from './testing/memory-writable.js';
import { generatePriceCsvChunks } from './csv-chunks.js';

async function run(argv: string[]) {
  const stdout = new MemoryWritable();
  const stderr = new MemoryWritable();
  const code = await runCli(argv, stdout, stderr);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'csv-generator-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('runCli', () => {
  it.each([
    [['--rows', '10']],
    [['--out', 'x.csv']],
    [['--rows', 'ten', '--out', 'x.csv']],
    [['--rows', '0', '--out', 'x.csv']],
    [['--rows', '10', '--items', '11', '--out', 'x.csv']],
    [['--rows', '10', '--seed', '-1', '--out', 'x.csv']],
    [['--rows', '10', '--seed=-1', '--out', 'x.csv']],
    [['--rows', '10', '--seed', '1.5', '--out', 'x.csv']],
    [['--rows', '10', '--seed', '4294967296', '--out', 'x.csv']],
    [['--rows', '10', '--out', 'x.csv', '--labels', 'l.csv', '--anomaly-rate', '0.6']],
    [['--rows', '10', '--out', 'x.csv', '--anomaly-rate', '0.1']],
    [['--rows', '10', '--out', 'x.csv', '--from', '2024-02-30']],
    [['--rows', '10', '--out', 'x.csv', '--from', '2024-03-01', '--to', '2024-02-01']],
    [['--rows', '10', '--out', 'x.csv', '--colour', 'red']],
    [['--rows', '10', '--out', 'x.csv', 'extra']],
    [['--preset', 'seed', '--rows', '10', '--out', 'x.csv']],
    [['--preset', 'other', '--out', 'x.csv']],
  ])('rejects %j with a usage error and exit code 2', async (argv) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: [\s\S]+\n\nUsage: /);
  });

  it('prints the usage for --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--anomaly-rate R');
  });

  it('writes the data file and the labels file', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'prices.csv');
      const labels = join(dir, 'labels.csv');
      const argv = ['--rows', '5000', '--items', '20', '--seed', '3', '--out', out, '--labels', labels, '--anomaly-rate', '0.1'];
      const result = await run(argv);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const expected = collectChunks(generatePriceCsvChunks({ rows: 5000, items: 20, seed: 3, anomalyRate: 0.1 }));
      expect(await readFile(out, 'utf8')).toBe(expected.data);
      expect(await readFile(labels, 'utf8')).toBe(`LINE,ITEM_ID,PRICE,ITEM_KIND,DIRECTION,FACTOR\n${expected.labels}`);
    });
  });

  it('writes a header-only labels file when no anomaly rate is given', async () => {
    await withTempDir(async (dir) => {
      const labels = join(dir, 'labels.csv');
      expect((await run(['--rows', '100', '--out', join(dir, 'p.csv'), '--labels', labels])).code).toBe(0);
      expect(await readFile(labels, 'utf8')).toBe('LINE,ITEM_ID,PRICE,ITEM_KIND,DIRECTION,FACTOR\n');
    });
  });

  it('exits 1 with a message when the output cannot be written', async () => {
    await withTempDir(async (dir) => {
      const result = await run(['--rows', '100', '--out', join(dir, 'missing', 'p.csv')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: .*ENOENT/);
    });
  });
});
