import { describe, expect, it } from 'vitest';
import { fromPythonPattern, preprocessText, stripAccents } from './pythonText.ts';

describe('stripAccents (scikit-learn strip_accents="unicode")', () => {
  it('decomposes and drops combining marks, keeps spacing marks of class 0', () => {
    expect(stripAccents('Café Ñandú Zürich')).toBe('Cafe Nandu Zurich');
    expect(stripAccents('ﬁne ²')).toBe('fine 2');
    // Devanagari: the virama (class 9) is removed; vowel signs and the anusvara (class 0) stay.
    expect(stripAccents('आरक्षण')).toBe('आरकषण');
    expect(stripAccents('हिंदी')).toBe('हिंदी');
    expect(stripAccents('plain ascii')).toBe('plain ascii');
  });

  it('lower-cases before stripping', () => {
    expect(preprocessText('ÉCOLE')).toBe('ecole');
  });
});

describe('fromPythonPattern', () => {
  it('gives \\b and \\w their Unicode meaning', () => {
    const re = new RegExp(fromPythonPattern('\\bsc\\b'), 'u');
    expect(re.test('sc, st')).toBe(true);
    expect(re.test('\u00e9sc')).toBe(false); // JS's ASCII \b would see a boundary after é
    expect(re.test('e\u0301sc')).toBe(true); // a combining mark is not a word character in Python
    expect(re.test('sc_x')).toBe(false);
    expect(new RegExp(fromPythonPattern('\\bsc[,\\s]+st\\b'), 'u').test('sc,\u3000st')).toBe(true);
  });

  it('treats U+001C as space and U+FEFF as not, like Python', () => {
    expect(new RegExp(`^${fromPythonPattern('\\s')}$`, 'u').test('\x1c')).toBe(true);
    expect(new RegExp(`^${fromPythonPattern('\\s')}$`, 'u').test('\ufeff')).toBe(false);
  });
});
