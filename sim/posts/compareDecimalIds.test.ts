import { describe, expect, it } from 'vitest';
import { compareDecimalIds, decimalIdRanks } from './compareDecimalIds.ts';

describe('decimal ids in numeric order', () => {
  const ids = [
    '10',
    '9',
    '-3',
    '9223372036854775807',
    '-9223372036854775808',
    '9007199254740993',
    '9007199254740992',
    '0',
    '10',
  ];

  it('compareDecimalIds sorts signed ids exactly past 2^53', () => {
    expect([...ids].sort(compareDecimalIds)).toEqual([
      '-9223372036854775808',
      '-3',
      '0',
      '9',
      '10',
      '10',
      '9007199254740992',
      '9007199254740993',
      '9223372036854775807',
    ]);
  });

  it('decimalIdRanks gives equal ids one rank, through BigInt64 or the comparator fallback', () => {
    expect(Array.from(decimalIdRanks(ids))).toEqual([4, 3, 1, 7, 0, 6, 5, 2, 4]);
    expect(Array.from(decimalIdRanks(['12', '18446744073709551615', '3']))).toEqual([1, 2, 0]);
    expect(Array.from(decimalIdRanks([]))).toEqual([]);
  });
});
