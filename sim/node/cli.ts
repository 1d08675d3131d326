// STUB written by the tooling helper so bin/bridgelab.mjs can be tested; the lead replaces it with the real CLI.
// Contract: export main(argv) -> exit code (0 ok, 1 failure, 2 usage error); self-run only as the entry point.
import { pathToFileURL } from 'node:url';

const USAGE = `usage: bridgelab score <inputDir> --out <outDir> [--seed N] [--epoch-millis MS] [--engine typed|tfjs]
       bridgelab --help`;

/** Runs the bridgelab command line `argv` (without node and script); resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'score') {
    console.error('bridgelab: score is not implemented yet (sim/node/cli.ts is a stub)');
    return 1;
  }
  console.error(`bridgelab: unknown command "${command}"\n${USAGE}`);
  return 2;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
