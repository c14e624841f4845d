import { createParamDecorator, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { ForbiddenError, UnauthorizedError } from '#libs/errors';
import { ROUTE_ACCESS, type RouteAccess } from '#libs/http-contract';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config.js';

/**
 * API keys when configured: writes need one of API_KEYS, reads (when API_KEYS_READ is set) one of
 * API_KEYS_READ or API_KEYS. Routes without an access mark (health, docs) stay open.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly writeKeys: Buffer[];
  private readonly readKeys: Buffer[];

  constructor(
    private readonly reflector: Reflector,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.writeKeys = config.apiKeys.map(digest);
    this.readKeys = config.readApiKeys.length ? [...config.readApiKeys.map(digest), ...this.writeKeys] : [];
  }

  canActivate(context: ExecutionContext): boolean {
    const access = this.reflector.get<RouteAccess | undefined>(ROUTE_ACCESS, context.getHandler());
    const accepted = access === 'write' ? this.writeKeys : access === 'read' ? this.readKeys : [];
    if (accepted.length === 0) return true;
    const presented = presentedKey(context.switchToHttp().getRequest<Request>());
    if (presented === undefined) throw new UnauthorizedError();
    // Compare every key, in constant time, over equal-length digests: no timing hint about any key.
    const candidate = digest(presented);
    const valid = accepted.reduce((found, key) => timingSafeEqual(key, candidate) || found, false);
    if (!valid) throw new ForbiddenError();
    (context.switchToHttp().getRequest<Request>() as KeyedRequest).apiKeyId = `key:${candidate.toString('hex').slice(0, 12)}`;
    return true;
  }
}

/** A request let through with a key carries a short, non-secret id of it (who resolved an alert). */
export type KeyedRequest = Request & { apiKeyId?: string };

/** The id of the key the request came with; `null` when keys are off. */
export const CallerKeyId = createParamDecorator((_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<KeyedRequest>().apiKeyId ?? null);

function presentedKey(request: Request): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const header = request.headers['x-api-key'];
  return bearer ?? (typeof header === 'string' && header ? header : undefined);
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
