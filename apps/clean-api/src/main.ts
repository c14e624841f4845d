import { serveHttpApp } from '#libs/platform';
import { CleanApiModule } from './clean-api.module.js';

await serveHttpApp('clean-api', 8001, (config) => CleanApiModule.forRoot(config));
