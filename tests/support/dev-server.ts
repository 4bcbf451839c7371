/**
 * `astro dev` as the e2e tests need it: in the foreground (`--ignore-lock`),
 * on a free port, over a given editions folder, in its own process group so
 * that stopping it stops every process it started.
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
const ROOT = join(import.meta.dirname, '../..');

/** A running dev server. */
export interface DevServer {
  /** `http://localhost:<port>`, as its "Local" line says. */
  origin: string;
  /** Everything it has printed so far. */
  output: () => string;
  /** Stops it (SIGTERM, then SIGKILL after 5 s); safe to call twice. */
  close: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** This process's environment without vitest's variables: with `VITEST` set, `astro dev` serves no page at all (every URL is a 404). */
function outsideVitest(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV'),
  );
}

/**
 * Starts `astro dev` (or, with `command`, another server such as
 * `['preview', '--outDir', dir]`) with `env` added and resolves once it
 * prints its "Local" URL (fails after `timeout` ms).
 */
export async function startDevServer(
  env: Record<string, string>,
  timeout = 120_000,
  command: string[] = ['dev', '--ignore-lock'],
): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), ...command, '--port', String(port)],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...outsideVitest(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`astro ${command[0]} printed no "Local" line in ${timeout} ms:\n${output}`)),
      timeout,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const local = /Local\s+(http:\/\/\S+?)\/?\s/.exec(output);
      if (local) {
        clearTimeout(timer);
        resolve(local[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`astro ${command[0]} exited before it was ready:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  return { origin, output: () => output, close };
}
