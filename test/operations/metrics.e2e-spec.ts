import { describe, expect, it } from '@jest/globals';
import { getJson, postJson, uploadCsv } from '../support/http.js';
import { priceCsv, validRows } from '../support/price-csv-builder.js';
import { appPerSuite } from '../support/app-per-suite.js';
import { APP_NAMES } from '../support/running-app.js';

const value = (text: string, metric: string) => Number(new RegExp(`^${metric.replace(/[{}"/]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);

describe.each(APP_NAMES)('GET /metrics (%s)', (appName) => {
  const suite = appPerSuite(appName, { seeded: true });

  it('counts requests by route pattern and status, the model cache, imports and the pool', async () => {
    await postJson(suite.app.baseUrl, '/detectAnomaly', { item_id: 'MLB1450506718', price: 200 });
    await postJson(suite.app.baseUrl, '/detectAnomaly', { item_id: 'MLB1450506718', price: 210 });
    await postJson(suite.app.baseUrl, '/detectAnomaly', { item_id: '111', price: 1 });
    await getJson(suite.app.baseUrl, '/historicalPricingByIdItem/MLB4432316952');
    await uploadCsv(suite.app.baseUrl, priceCsv(validRows(7, 'MLBMETRIC')));
    await uploadCsv(suite.app.baseUrl, priceCsv([['MLBMETRIC', '2024-02-30', '1']]));

    const response = await fetch(`${suite.app.baseUrl}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(value(text, 'http_requests_total{method="POST",route="/detectAnomaly",status="200"}')).toBe(2);
    expect(value(text, 'http_requests_total{method="POST",route="/detectAnomaly",status="404"}')).toBe(1);
    expect(value(text, 'http_requests_total{method="GET",route="/historicalPricingByIdItem/:item_id",status="200"}')).toBe(1);
    expect(value(text, 'http_request_duration_seconds_count{method="POST",route="/detectAnomaly",status="200"}')).toBe(2);
    expect(value(text, 'model_cache_hits_total')).toBe(1);
    expect(value(text, 'model_cache_misses_total')).toBe(1);
    expect(value(text, 'model_trainings_total')).toBe(1);
    expect(value(text, 'model_training_seconds_total')).toBeGreaterThan(0);
    expect(value(text, 'csv_imported_rows_total')).toBe(7);
    expect(value(text, 'csv_rejected_files_total')).toBe(1);
    expect(value(text, 'db_pool_connections')).toBeGreaterThan(0);
    expect(text).toContain('process_resident_memory_bytes');
  });
});
