import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CONTRACT_ERROR_MESSAGES } from '#libs/errors';
import { CONTRACT_MESSAGES, ERROR_STATUS } from '#libs/http-contract';

/** docs/API.md is the contract users read: it must name every code the service can answer, and the frozen texts verbatim. */
describe('docs/API.md', () => {
  const doc = readFileSync(new URL('../../docs/API.md', import.meta.url), 'utf8');

  it.each(Object.entries(ERROR_STATUS))('documents %s with its status %s', (code, status) => {
    expect(doc).toMatch(new RegExp(`\\| ${status} \\| \`${code}\`|\`${code}\`[^|\\n]*\\b${status}\\b|\\b${status}\\b[^|\\n]*\`${code}\``));
  });

  it.each(Object.values({ ...CONTRACT_ERROR_MESSAGES, ...CONTRACT_MESSAGES }))('quotes "%s" word for word', (message) => {
    expect(doc).toContain(message);
  });
});
