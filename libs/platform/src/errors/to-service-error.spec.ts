import { describe, expect, it } from '@jest/globals';
import { BadRequestException, NotFoundException, PayloadTooLargeException, ServiceUnavailableException, HttpException } from '@nestjs/common';
import { ItemNotFoundError } from '#libs/errors';
import { toServiceError } from './to-service-error.js';

const request = { method: 'GET', path: '/nowhere' };
const codeOf = (exception: unknown) => toServiceError(exception, request).code;

describe(toServiceError.name, () => {
  it('keeps our own errors as they are', () => {
    const error = new ItemNotFoundError('111');
    expect(toServiceError(error, request)).toBe(error);
  });

  it("tells a pool that is merely busy from a database that is gone (only the latter is an outage)", () => {
    expect(codeOf(new Error('timeout exceeded when trying to connect'))).toBe('DATABASE_BUSY');
    expect(codeOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe('DATABASE_UNAVAILABLE');
    expect(codeOf(new Error('Connection terminated unexpectedly'))).toBe('DATABASE_UNAVAILABLE');
    expect(codeOf({ message: 'query failed', driverError: { code: '57P01', message: 'terminating connection' } })).toBe('DATABASE_UNAVAILABLE');
  });

  it("names the framework's rejections in our vocabulary", () => {
    expect(codeOf(new BadRequestException('Unexpected token'))).toBe('VALIDATION_ERROR');
    expect(codeOf(new NotFoundException())).toBe('ROUTE_NOT_FOUND');
    expect(codeOf(new PayloadTooLargeException())).toBe('PAYLOAD_TOO_LARGE');
    expect(codeOf(new HttpException('ThrottlerException: Too Many Requests', 429))).toBe('TOO_MANY_REQUESTS');
    expect(codeOf(Object.assign(new Error('request entity too large'), { type: 'entity.too.large', limit: 65536 }))).toBe('PAYLOAD_TOO_LARGE');
    expect(toServiceError(new ServiceUnavailableException({ status: 'error', details: { database: { status: 'down' } } }), request))
      .toMatchObject({ code: 'NOT_READY', fields: { checks: { database: { status: 'down' } } } });
  });

  it('answers anything else as an internal error, without its details', () => {
    expect(toServiceError(new TypeError('x is undefined'), request)).toMatchObject({ code: 'INTERNAL_ERROR', message: 'Internal server error', fields: {} });
  });
});
