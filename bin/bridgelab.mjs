#!/usr/bin/env node
// The `bridgelab` executable: lets Node load the TypeScript sources through tsx, then hands the command line to
// sim/node/cli.ts. Contract with cli.ts: it exports `main(argv: readonly string[]): Promise<number>` (the exit code)
// and runs itself only when it is the process entry point (as with `tsx sim/node/cli.ts ...`).
import { register } from 'tsx/esm/api';

register();

let code;
try {
  // eslint-disable-next-line no-restricted-syntax -- the executable launches the CLI entry module itself, not the API
  const cli = await import('../sim/node/cli.ts');
  if (typeof cli.main !== 'function') throw new Error('sim/node/cli.ts does not export a main(argv) function');
  code = await cli.main(process.argv.slice(2));
} catch (err) {
  console.error(`bridgelab: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  code = 1;
}
// exitCode rather than process.exit(): lets pending stdout writes (large TSV dumps to a pipe) finish.
process.exitCode = Number.isInteger(code) ? code : 1;
