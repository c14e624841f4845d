import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { type CsvChunk, LABELS_HEADER } from './csv-chunks.js';

/** Writes the data chunks to one file and their labels to another, waiting on both streams' backpressure. */
export async function writeCsvFiles(chunks: Iterable<CsvChunk>, dataPath: string, labelsPath?: string): Promise<void> {
  const labels = labelsPath === undefined ? undefined : createWriteStream(labelsPath);
  const labelsFinished = labels ? finished(labels) : Promise.resolve();
  // Keep a labels failure from surfacing as an unhandled rejection while the data pipeline is still running.
  labelsFinished.catch(() => undefined);
  async function* dataText(): AsyncGenerator<string> {
    if (labels) await writeRespectingBackpressure(labels, LABELS_HEADER);
    for (const chunk of chunks) {
      if (labels && chunk.labels) await writeRespectingBackpressure(labels, chunk.labels);
      yield chunk.data;
    }
    labels?.end();
  }
  try {
    await pipeline(dataText(), createWriteStream(dataPath));
  } catch (error) {
    labels?.destroy();
    throw error;
  }
  await labelsFinished;
}

async function writeRespectingBackpressure(stream: Writable, text: string): Promise<void> {
  if (stream.errored) throw stream.errored;
  if (!stream.write(text)) await once(stream, 'drain');
}
