import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import { SERVICE_CONFIG, type ServiceConfig } from '../service-config.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { FixedWindowThrottlerStorage } from './fixed-window.throttler-storage.js';

/**
 * API keys, then per-client rate limits, on every route of the app that imports it (health is
 * never limited: orchestrators poll it). Imported by path, not through the libs/http-api index:
 * @nestjs/throttler is CommonJS and cannot load the ESM-only @nestjs/common inside Jest's VM.
 */
@Module({})
export class SecurityModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: SecurityModule,
      imports: [ThrottlerModule.forRoot({
        throttlers: [{ ttl: config.rateLimit.windowMs, limit: config.rateLimit.max }],
        storage: new FixedWindowThrottlerStorage(),
        skipIf: (context) => context.switchToHttp().getRequest<Request>().path.startsWith('/health'),
      })],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
      ],
    };
  }
}
