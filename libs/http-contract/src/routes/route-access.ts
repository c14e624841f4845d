import { SetMetadata } from '@nestjs/common';

/** Which API keys a route asks for: `write` routes API_KEYS, `read` routes API_KEYS_READ. */
export type RouteAccess = 'read' | 'write';
export const ROUTE_ACCESS = 'route-access';
export const Access = (access: RouteAccess) => SetMetadata(ROUTE_ACCESS, access);
