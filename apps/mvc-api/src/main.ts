import { serveHttpApp } from '#libs/platform';
import { MvcApiModule } from './mvc-api.module.js';

await serveHttpApp('mvc-api', 8000, (config) => MvcApiModule.forRoot(config));
