import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputColumn } from '../data/writeTsv.ts';
import { encodeTable, FORMAT_EXTENSION, type OutputFormat } from '../formats/outputFormat.ts';
import { scoringOutputType } from '../formats/scoringOutputTypes.ts';
import type { TypedTableOptions } from '../formats/typedTable.ts';
import { outputTables, type ScoringResult } from '../scoring/pipeline/scoreDataset.ts';
import { writeFileAtomic } from './atomicWrite.ts';

/**
 * Writes one table as `<dir>/<name>.<ext>` in each of `formats`, every file atomically; creates `dir`.
 * Resolves to the paths written. Shared by `score`, `simulate` and any command writing tables.
 *
 * @example await writeOutputTable('out', 'runs', columns, ['tsv', 'parquet']);
 */
export async function writeOutputTable(
  dir: string,
  name: string,
  columns: readonly OutputColumn[],
  formats: readonly OutputFormat[],
  options: TypedTableOptions = {},
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const format of formats) {
    const path = join(dir, `${name}${FORMAT_EXTENSION[format]}`);
    await writeFileAtomic(path, encodeTable(columns, format, options));
    paths.push(path);
  }
  return paths;
}

/**
 * The four public output files of a scoring run (scored_notes, helpfulness_scores, note_status_history,
 * aux_note_info) in `formats`, with the scoring outputs' declared column types. `onFile` is called before each.
 */
export async function writeScoringOutputs(
  dir: string,
  result: ScoringResult,
  formats: readonly OutputFormat[],
  onFile?: (name: string) => void,
): Promise<void> {
  for (const [name, columns] of Object.entries(outputTables(result))) {
    onFile?.(name);
    await writeOutputTable(dir, name, columns, formats, { typeOf: scoringOutputType });
  }
}
