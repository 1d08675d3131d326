// The one-door rule (eslint.config.js): outside sim/, imports reach sim/ only through sim/index.ts (Node-side code
// also through sim/node/index.ts, src/ never). Only the two rules that carry it run, without type information.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const ONE_DOOR_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ONE_DOOR_RULES.has(ruleId),
});

async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result.messages.map((m) => `${m.line}: ${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('one door into sim/', () => {
  it('rejects deep imports from outside sim/, static, re-exported, dynamic and as a worker URL', async () => {
    const deep = [
      ['src/engine/deep.ts', "import { Frame } from '../../sim/scoring/frame.ts';\nexport { Frame };\n"],
      ['src/engine/deep.ts', "export type { Dataset } from '../../sim/data/tables.ts';\n"],
      [
        'src/pages/Deep.svelte',
        '<script lang="ts">\n  import { CORE_SCORER } from \'../../sim/scoring/scorers/catalogue.ts\';\n  console.log(CORE_SCORER);\n</script>\n',
      ],
      ['bench/deep.ts', "import { readDataDir } from '../sim/node/dataFiles.ts';\nexport { readDataDir };\n"],
      [
        'notebooks/lib/deep.ts',
        "import type { Scenario } from '../../sim/scenario/scenarioTypes.ts';\nexport type { Scenario };\n",
      ],
      ['scripts/deep.mjs', "export const frame = await import('../sim/scoring/frame.ts');\n"],
      ['test/deep.ts', "export const entry = new URL('../sim/node/scorerWorker.ts', import.meta.url);\n"],
    ];
    for (const [path, code] of deep) {
      const messages = await lint(path, code);
      expect(messages, `${path}: ${code}`).toHaveLength(1);
      expect(messages[0]).toMatch(/no-restricted-(imports|syntax).*sim\/index\.ts/);
    }
  });

  it('lets the doors through, keeps Node-only sim/node/ out of src/, and leaves sim/ itself alone', async () => {
    expect(
      await lint('src/engine/door.ts', "import { Frame } from '../../sim/index.ts';\nexport { Frame };\n"),
    ).toEqual([]);
    expect(await lint('src/engine/door.ts', "export const sim = await import('../../sim/index.ts');\n")).toEqual([]);
    expect(
      await lint('bench/door.ts', "import { readDataDir } from '../sim/node/index.ts';\nexport { readDataDir };\n"),
    ).toEqual([]);
    expect(
      await lint('sim/engine/inside.ts', "import { Frame } from '../scoring/frame.ts';\nexport { Frame };\n"),
    ).toEqual([]);
    const node = await lint(
      'src/engine/node.ts',
      "import { readDataDir } from '../../sim/node/index.ts';\nexport { readDataDir };\n",
    );
    expect(node).toHaveLength(1);
    expect(node[0]).toMatch(/src\/ imports sim\/ only through sim\/index\.ts/);
  });

  it('holds on the tree: src/, notebooks/, bench/, scripts/, test/ and bin/ use only the doors', async () => {
    // Only the files that mention sim/ can break the rule: linting just those keeps the test fast.
    const mentionsSim = ['src', 'notebooks', 'bench', 'scripts', 'test', 'bin']
      .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
      .filter((f) => /\.(ts|js|mjs|svelte)$/.test(f) && readFileSync(join(root, f), 'utf8').includes('sim/'));
    expect(mentionsSim.length).toBeGreaterThan(20);
    const results = await eslint.lintFiles(mentionsSim);
    const problems = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId !== null && ONE_DOOR_RULES.has(m.ruleId))
        .map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(problems).toEqual([]);
  });
});
