import { describe, expect, it } from 'vitest';
import { selectRows, tableTsv, type TableColumn } from './tsv.ts';

const columns: TableColumn[] = [
  { key: 'id', label: 'Note', kind: 'str', values: ['a1', 'b2', 'c3', 'd4'] },
  { key: 'x', label: 'X', kind: 'num', values: Float64Array.of(0.5, NaN, -1, 2) },
  { key: 's', label: 'Status', kind: 'str', values: ['H', 'N\tx', null, 'H'] },
];

describe('table helpers', () => {
  it('sorts numerically with missing values last, searches, filters', () => {
    expect(Array.from(selectRows(columns, 4, '', 'x', 1))).toEqual([2, 0, 3, 1]);
    expect(Array.from(selectRows(columns, 4, '', 'x', -1))).toEqual([3, 0, 2, 1]);
    expect(Array.from(selectRows(columns, 4, 'B2', null, 1))).toEqual([1]);
    expect(Array.from(selectRows(columns, 4, '', 'id', -1, (r) => r !== 3))).toEqual([2, 1, 0]);
  });

  it('writes TSV with full precision and no stray tabs', () => {
    expect(tableTsv(columns, [1, 2])).toBe('id\tx\ts\nb2\t\tN x\nc3\t-1\t\n');
  });
});
