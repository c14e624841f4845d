import { configFromEnv } from './clean-api.config.js';
import { createCleanApi } from './create-clean-api.js';

const config = configFromEnv();
const app = await createCleanApi(config);
await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
console.log(`clean-api listening on http://localhost:${config.port}`);
