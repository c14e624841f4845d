import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { join } from 'node:path';
import { RouteNotFoundError } from '#libs/errors';
import { assetPath, CONSOLE_PAGES, PUBLIC_DIR } from './console-files.js';

/**
 * The analysts' console: static pages whose scripts call only this API (same origin), so the
 * console can do nothing a client of the API could not. Pages need no key; the API calls they
 * make ask for one when keys are on.
 */
@ApiExcludeController()
@Controller()
export class ConsoleController {
  @Get()
  root(@Res() response: Response): void {
    this.page(response, CONSOLE_PAGES.home);
  }

  @Get('console')
  home(@Res() response: Response): void {
    this.page(response, CONSOLE_PAGES.home);
  }

  @Get('console/items/:item_id')
  item(@Res() response: Response): void {
    this.page(response, CONSOLE_PAGES.item);
  }

  @Get('console/alerts')
  alerts(@Res() response: Response): void {
    this.page(response, CONSOLE_PAGES.alerts);
  }

  @Get('console/upload')
  upload(@Res() response: Response): void {
    this.page(response, CONSOLE_PAGES.upload);
  }

  @Get('console/assets/:name')
  asset(@Param('name') name: string, @Res() response: Response): void {
    const path = assetPath(name);
    if (!path) throw new RouteNotFoundError('GET', `/console/assets/${name}`);
    response.sendFile(path, { maxAge: '1h' });
  }

  private page(response: Response, file: string): void {
    response.sendFile(join(PUBLIC_DIR, file), { headers: { 'Cache-Control': 'no-cache' } });
  }
}
