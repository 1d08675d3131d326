import { DataFormatError } from './dataFormatError.ts';
import { pushTsvText, type LineSink } from './tsvLines.ts';

/** A TSV file read by its header: every column as text (empty cell = null), rows in file order. */
export interface TextTable {
  file: string;
  header: string[];
  columns: Map<string, (string | null)[]>;
  length: number;
}

/**
 * Read one of our (or the reference's) output files, e.g. a previous run's scored_notes.tsv, keyed by header
 * names. `required` columns must be present. Rows with a different field count are errors naming file and line.
 *
 * @example const prev = readOutputTable('scored_notes.tsv', text, ['noteId', 'finalRatingStatus']);
 */
export function readOutputTable(file: string, text: string, required: readonly string[]): TextTable {
  let header: string[] | null = null;
  const cells: (string | null)[][] = [];
  const sink: LineSink = {
    push(line, lineNo) {
      if (line.length === 0) return;
      const fields = line.split('\t');
      if (header === null) {
        header = fields;
        for (const name of required) {
          if (!header.includes(name))
            throw new DataFormatError({ file, line: lineNo, reason: `no column ${name} in the header` });
        }
        header.forEach(() => cells.push([]));
        return;
      }
      if (fields.length !== header.length) {
        throw new DataFormatError({
          file,
          line: lineNo,
          reason: `${fields.length} fields, the header has ${header.length}`,
        });
      }
      fields.forEach((v, k) => cells[k].push(v === '' ? null : v));
    },
  };
  pushTsvText(text, sink);
  const h = header as string[] | null;
  if (h === null) throw new DataFormatError({ file, line: 1, reason: 'the file is empty (no header)' });
  return { file, header: h, columns: new Map(h.map((name, k) => [name, cells[k]])), length: cells[0]?.length ?? 0 };
}
