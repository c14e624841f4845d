import { applyDecorators, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ItemNotFoundError, ValidationError } from '#libs/errors';
import { ITEM_ID_RULE } from '#libs/price-csv';
import { errorResponse, operationalErrors } from './error-responses.js';
import { Access } from './route-access.js';

/** Looking items up and summarising their history (docs/API.md), declared once for both apps. */

export const ListItemsRoute = () => applyDecorators(
  Get('items'),
  Access('read'),
  ApiTags('items'),
  ApiOperation({ summary: 'Items by id prefix, or with the most open alerts first' }),
  ApiResponse({ status: 200, description: 'Items with their open alerts', example: { items: [{ item_id: 'MLB1450506718', open_alerts: 2 }] } }),
  errorResponse('VALIDATION_ERROR: a malformed prefix, limit or order', new ValidationError([{ field: 'limit', message: 'limit must not be greater than 100' }])),
  operationalErrors(),
);

export const DailyPricesRoute = () => applyDecorators(
  Get('items/:item_id/daily'),
  Access('read'),
  ApiTags('items'),
  ApiOperation({ summary: "An item's history day by day: lowest, median and highest price and the number of orders, oldest day first" }),
  ApiResponse({
    status: 200,
    description: 'One entry per day with orders',
    example: { item_id: 'MLB1450506718', days: [{ day: '2024-01-02', min: 179.9, median: 183.9, max: 199.9, orders: 3 }] },
  }),
  errorResponse('ITEM_NOT_FOUND: the item has no price history', new ItemNotFoundError('111')),
  errorResponse('VALIDATION_ERROR: a malformed item id', new ValidationError([{ field: 'item_id', message: ITEM_ID_RULE }])),
  operationalErrors(),
);
