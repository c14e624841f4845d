import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { appPerSuite } from '../support/app-per-suite.js';
import { RawUpload } from '../support/raw-upload.js';
import { APP_NAMES } from '../support/running-app.js';

const MIB = 1024 * 1024;
const FILE_BYTES = 64 * MIB;
const MAX_RSS_GROWTH = 256 * MIB;

/** Resident memory of a process, from /proc (kB there). */
const rssOf = (pid: number, field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

/** A file with no line break is one "record": it must be cut off at the record limit, not held whole. */
describe.each(APP_NAMES)('upload memory (%s)', (appName) => {
  const suite = appPerSuite(appName);

  it('rejects a 64 MiB upload without a newline as CSV_INVALID at line 1, growing the server by < 256 MiB', async () => {
    const { pid } = suite.app;
    const before = rssOf(pid, 'VmRSS');
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid, 'VmRSS'))), 20);
    try {
      const upload = new RawUpload(suite.app.baseUrl, FILE_BYTES);
      const chunk = Buffer.alloc(MIB, 'A');
      for (let sent = 0; sent < FILE_BYTES; sent += MIB) await upload.write(chunk);
      upload.finish();
      const response = await upload.response;
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ code: 'CSV_INVALID', errors: [{ line: 1, message: expect.stringContaining('longer than 65536 bytes') }] });
    } finally {
      clearInterval(sampler);
    }
    const growth = Math.max(peak, rssOf(pid, 'VmHWM')) - before;
    console.log(`${appName}: RSS ${Math.round(before / MIB)} MiB before, peak ${Math.round(Math.max(peak, rssOf(pid, 'VmHWM')) / MIB)} MiB during a 64 MiB upload without a newline: growth ${Math.round(growth / MIB)} MiB (limit 256 MiB)`);
    expect(growth).toBeLessThan(MAX_RSS_GROWTH);
    expect(Number((await suite.db.query<{ n: string }>('SELECT count(*) AS n FROM item_historical_pricing'))[0].n)).toBe(0);
  });
});
