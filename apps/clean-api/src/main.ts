import { serveHttpApp } from '../../../libs/http-api/src/index.js';
import { CleanApiModule } from './clean-api.module.js';
import { translateDomainError } from './entry-points/http/domain-error.translator.js';

await serveHttpApp('clean-api', 8001, (config) => CleanApiModule.forRoot(config), translateDomainError);
