import { Writable } from 'node:stream';

/** A Writable that keeps what was written, for asserting on CLI output. */
export class MemoryWritable extends Writable {
  text = '';

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    callback();
  }
}
