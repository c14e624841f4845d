import type { Writable } from 'node:stream';
import { parseCliOptions, USAGE, UsageError } from './cli-options.js';
import { generatePriceCsvChunks } from './csv-chunks.js';
import { SEED_PRESET_ROWS, seedPresetChunks } from './seed-preset.js';
import { writeCsvFiles } from './write-csv-files.js';

/** The CLI without process globals, so tests can run it: resolves to the exit code. */
export async function runCli(argv: readonly string[], stdout: Writable, stderr: Writable): Promise<number> {
  let options;
  try {
    options = parseCliOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`error: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  try {
    switch (options.mode) {
      case 'help':
        stdout.write(USAGE);
        return 0;
      case 'preset':
        await writeCsvFiles(seedPresetChunks(), options.out);
        stdout.write(`wrote ${SEED_PRESET_ROWS} rows (seed preset) to ${options.out}\n`);
        return 0;
      case 'generate':
        await writeCsvFiles(generatePriceCsvChunks(options), options.out, options.labels);
        stdout.write(`wrote ${options.rows} rows of ${options.items} items to ${options.out}\n`);
        return 0;
    }
  } catch (error) {
    stderr.write(`error: ${(error as Error).message}\n`);
    return 1;
  }
}
