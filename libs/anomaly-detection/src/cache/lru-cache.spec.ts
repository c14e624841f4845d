import { describe, expect, it } from '@jest/globals';
import { LruCache } from './lru-cache.js';

const sized = (sizeInBytes: number) => ({ sizeInBytes });

describe('LruCache', () => {
  it('evicts the least recently used entry past the entry limit', () => {
    const sut = new LruCache<string, { sizeInBytes: number }>({ maxEntries: 2, maxBytes: 1000 });
    sut.set('a', sized(1));
    sut.set('b', sized(1));
    sut.get('a');
    sut.set('c', sized(1));
    expect([sut.get('a'), sut.get('b'), sut.get('c')].map(Boolean)).toEqual([true, false, true]);
    expect(sut.stats()).toEqual({ entries: 2, bytes: 2, evictions: 1 });
  });

  it('evicts as many entries as the byte limit needs', () => {
    const sut = new LruCache<string, { sizeInBytes: number }>({ maxEntries: 10, maxBytes: 100 });
    for (const key of ['a', 'b', 'c']) sut.set(key, sized(40));
    expect(sut.stats()).toEqual({ entries: 2, bytes: 80, evictions: 1 });
    sut.set('big', sized(90));
    expect(sut.stats()).toEqual({ entries: 1, bytes: 90, evictions: 3 });
  });

  it('replaces an entry without counting it twice', () => {
    const sut = new LruCache<string, { sizeInBytes: number }>({ maxEntries: 10, maxBytes: 100 });
    sut.set('a', sized(30));
    sut.set('a', sized(50));
    expect(sut.stats()).toEqual({ entries: 1, bytes: 50, evictions: 0 });
  });
});
