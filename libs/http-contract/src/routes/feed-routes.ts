import { applyDecorators, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AlertAlreadyResolvedError, AlertNotFoundError, PayloadTooLargeError, ValidationError } from '#libs/errors';
import { Access } from './route-access.js';
import { errorResponse, operationalErrors } from './error-responses.js';

/** The price feed and its alerts (docs/API.md), declared once for both apps. */

const ALERT_EXAMPLE = {
  alert_id: '0b4f2c1e-5d7a-4c39-9e2f-6a1d8b3c7e90', observation_id: 'ord-124', item_id: 'MLB1450506718', ord_closed_dt: '2024-03-12', price: 1999,
  status: 'open', created_at: '2024-03-12T10:00:00.000Z', resolved_at: null, resolved_by: null, resolution_note: null,
  metadata: { reason: 'outside_normal_range', direction: 'high', severity: 88.1, expected: 183.9, normal_range: { low: 84.41, high: 760.25 } },
};

export const PostPricesRoute = () => applyDecorators(
  Post('prices'),
  HttpCode(200),
  Access('write'),
  ApiTags('feed'),
  ApiOperation({ summary: 'New order prices (up to 10,000): normal ones join the history, anomalous ones are held as alerts; a resent observation_id is not judged again' }),
  ApiResponse({
    status: 200,
    description: 'Counts, then one result per observation in request order',
    example: {
      received: 2, stored: 1, alerts: 1, duplicates: 0,
      results: [
        { observation_id: 'ord-123', item_id: 'MLB1450506718', anomaly: false, stored: true, alert_id: null, duplicate: false, metadata: { reason: 'isolation_forest' } },
        { observation_id: 'ord-124', item_id: 'MLB1450506718', anomaly: true, stored: false, alert_id: ALERT_EXAMPLE.alert_id, duplicate: false, metadata: ALERT_EXAMPLE.metadata },
      ],
    },
  }),
  errorResponse('VALIDATION_ERROR: a malformed observation (named by its index); nothing of the request was stored',
    new ValidationError([{ field: 'observations.3.price', message: 'price must be greater than 0' }])),
  errorResponse('PAYLOAD_TOO_LARGE: a body over 2 MiB', new PayloadTooLargeError('2097152 bytes')),
  operationalErrors(),
);

export const ListAlertsRoute = () => applyDecorators(
  Get('alerts'),
  Access('read'),
  ApiTags('feed'),
  ApiOperation({ summary: 'Alerts, newest first, filtered by status and item, a page at a time (next_cursor)' }),
  ApiResponse({ status: 200, description: 'A page of alerts', example: { alerts: [ALERT_EXAMPLE], next_cursor: 'czEyMw' } }),
  errorResponse('VALIDATION_ERROR: a bad filter, limit or cursor', new ValidationError([{ field: 'status', message: 'status must be one of open, confirmed, dismissed' }])),
  operationalErrors(),
);

export const ResolveAlertRoute = () => applyDecorators(
  Post('alerts/:alert_id/resolve'),
  HttpCode(200),
  Access('write'),
  ApiTags('feed'),
  ApiOperation({ summary: 'Dismiss (a false alarm: the price joins the history) or confirm (a real anomaly: never in the history) an alert, once' }),
  ApiResponse({ status: 200, description: 'The alert as resolved (the same resolution again changes nothing)', example: { ...ALERT_EXAMPLE, status: 'dismissed', resolved_at: '2024-03-12T11:00:00.000Z', resolution_note: 'a real flash sale' } }),
  errorResponse('ALERT_NOT_FOUND', new AlertNotFoundError(ALERT_EXAMPLE.alert_id)),
  errorResponse('ALERT_ALREADY_RESOLVED: it was resolved the other way', new AlertAlreadyResolvedError(ALERT_EXAMPLE.alert_id, 'confirmed')),
  errorResponse('VALIDATION_ERROR: resolution must be confirmed or dismissed', new ValidationError([{ field: 'resolution', message: "resolution must be 'confirmed' or 'dismissed'" }])),
  operationalErrors(),
);
