/**
 * `npm run load -- --via http|amqp --observations N --items K --anomaly-rate R [--rate N/s]`
 * Pushes realistic observations for the seeded items to a running app (`--url`, default
 * http://localhost:8001) or to its broker (`--amqp-url`, default AMQP_URL or amqp://guest:guest@127.0.0.1:5672),
 * and prints the rate it achieved. Bounded by --observations.
 */
import { parseArgs } from 'node:util';
import { sendOverAmqp, sendOverHttp } from './support/feed-senders.js';
import { observations, seedFileItems } from './support/observations.js';

const { values } = parseArgs({
  options: {
    via: { type: 'string', default: 'http' },
    observations: { type: 'string', default: '100000' },
    items: { type: 'string', default: '300' },
    'anomaly-rate': { type: 'string', default: '0.01' },
    rate: { type: 'string' },
    batch: { type: 'string', default: '1000' },
    url: { type: 'string', default: 'http://localhost:8001' },
    'amqp-url': { type: 'string', default: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672' },
  },
});
const count = Number(values.observations);
const items = seedFileItems().slice(0, Number(values.items));
const rate = values.rate ? Number(values.rate) : undefined;

const started = performance.now();
const all = [...observations(items, count, Number(values['anomaly-rate']), `load-${Date.now()}`)];
if (values.via === 'amqp') await sendOverAmqp(values['amqp-url']!, all, 100, rate);
else await sendOverHttp(values.url!, all, Number(values.batch), rate ? 1 : 4, rate);
const seconds = (performance.now() - started) / 1000;
console.log(`${count} observations via ${values.via} in ${seconds.toFixed(1)} s: ${Math.round(count / seconds).toLocaleString('en-US')} observations/s sent`);
