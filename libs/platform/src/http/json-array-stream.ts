import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';

/**
 * Streams `items` as one JSON array, a batch of items per chunk. The first item is awaited
 * before the response starts, so a failure to even begin (e.g. no database) still gets a proper
 * error status; a failure later can only cut the connection.
 */
export async function jsonArrayStream<T>(items: AsyncIterable<T>, toJson: (item: T) => string): Promise<StreamableFile> {
  const iterator = items[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* chunks(): AsyncGenerator<string> {
    try {
      if (first.done) return yield '[]';
      let chunk = `[${toJson(first.value)}`;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        chunk += `,${toJson(next.value)}`;
        if (chunk.length >= 64 * 1024) {
          yield chunk;
          chunk = '';
        }
      }
      yield `${chunk}]`;
    } finally {
      await iterator.return?.();
    }
  }
  return new StreamableFile(Readable.from(chunks()), { type: 'application/json; charset=utf-8' });
}
