import { beforeEach, describe, expect, it } from '@jest/globals';
import { CsvInvalidError } from '../../domain/errors.js';
import { csvStream, InMemoryPriceHistory } from '../testing/in-memory-price-history.js';
import { ImportPriceHistoryUseCase } from './import-price-history.use-case.js';

describe(ImportPriceHistoryUseCase.name, () => {
  let history: InMemoryPriceHistory;
  let sut: ImportPriceHistoryUseCase;
  const file = 'ITEM_ID,ORD_CLOSED_DT,PRICE\nMLB1,2024-01-01,10\nMLB1,2024-01-02,11\n';

  beforeEach(() => {
    history = new InMemoryPriceHistory();
    sut = new ImportPriceHistoryUseCase(history);
  });

  it('appends every row of a valid file', async () => {
    await expect(sut.execute(csvStream(file), 'a.csv')).resolves.toMatchObject({ created: true, inserted: 2 });
    expect(history.points).toHaveLength(2);
  });

  it('inserts nothing when the same content comes again and names the first import', async () => {
    const first = await sut.execute(csvStream(file), 'a.csv');
    await expect(sut.execute(csvStream(file), 'b.csv')).resolves.toEqual({ ...first, created: false, inserted: 0 });
    expect(history.points).toHaveLength(2);
  });

  it('stores nothing from a file with an invalid row', async () => {
    await expect(sut.execute(csvStream(`${file}MLB1,2024-01-03,-4\n`), 'bad.csv')).rejects.toBeInstanceOf(CsvInvalidError);
    expect(history.points).toHaveLength(0);
  });
});
