import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway Redis server started by startLocalRedis: its URL and how to stop it. */
export interface LocalRedis {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** True once the server at `port` answers PING. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Starts Debian's `redis-server` on a free port of 127.0.0.1, in memory only (no RDB, no AOF), daemonized with a
 * pid file, and waits until it answers; `stop()` ends it by that pid (SIGTERM, then SIGKILL after 5 s). For the
 * sweep queue's test and benchmark. Throws when redis-server is not installed.
 *
 * @example const redis = await startLocalRedis(); ... `--queue ${redis.url}` ...; await redis.stop();
 */
export async function startLocalRedis(timeoutMillis = 20_000): Promise<LocalRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'bridgelab-redis-'));
  const pidFile = join(dir, 'redis.pid');
  const port = await freePort();
  const started = spawnSync(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes'].concat([
      '--pidfile',
      pidFile,
      '--dir',
      dir,
      '--logfile',
      join(dir, 'redis.log'),
    ]),
    { encoding: 'utf8' },
  );
  if (started.error || started.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `redis-server could not start (${started.error?.message ?? started.stderr.trim()}); Debian: apt-get install -y redis-server`,
    );
  }
  const deadline = performance.now() + timeoutMillis;
  let pid = NaN;
  const stop = async () => {
    if (Number.isInteger(pid) && alive(pid)) {
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  while (performance.now() < deadline) {
    try {
      pid = Number(readFileSync(pidFile, 'utf8').trim());
    } catch {
      // not written yet
    }
    if (Number.isInteger(pid) && (await pings(port))) return { url: `redis://127.0.0.1:${port}`, port, pid, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`redis-server on port ${port} did not answer within ${timeoutMillis} ms`);
}
