// A real Waline comment server on a real PostgreSQL database, for the tests
// and for the demo: `startWaline()` makes a throwaway database cluster,
// loads Waline's tables, starts `@waline/vercel` on 127.0.0.1 and returns
// its URL; `stop()` removes it all again. Nothing here is a mock.
//
// Needs PostgreSQL's server programs (Debian: `apt-get install postgresql`)
// and the Waline server, which lives in its own package beside this file
// (tests/waline/package.json, installed on first use with `npm ci`), so the
// library's own lock file stays free of its 600 packages.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

/** The directory of PostgreSQL's server programs (initdb, pg_ctl, postgres). */
function postgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  throw new Error('PostgreSQL is not installed: the Waline tests need its server programs (Debian: apt-get install postgresql)');
}

/** Runs a PostgreSQL program as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function asPostgres(program, args) {
  return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', program, ...args]) : run(program, args);
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Installs the Waline server package beside this file if it is not there yet. */
export async function installWaline() {
  if (existsSync(join(here, 'node_modules', '@waline', 'vercel', 'package.json'))) return;
  // --ignore-scripts: Waline's SQLite driver would compile sqlite3 from source; PostgreSQL needs no build.
  await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: here, maxBuffer: 1 << 26 });
}

async function startPostgres() {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'sb-waline-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  await asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'waline', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  await asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
  await run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'waline', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', 'CREATE DATABASE waline']);
  await run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'waline', '-d', 'waline', '-v', 'ON_ERROR_STOP=1', '-f', join(here, 'schema.sql')]);
  return {
    port,
    async stop() {
      await asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An endpoint that answers Waline's request for its OAuth services: there are none. */
async function startNoOauth() {
  const port = await freePort();
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end('{"services":[]}');
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(resolve)) };
}

function startWalineProcess(port, env) {
  const child = spawn(process.execPath, [join(here, 'start.cjs'), String(port)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function waitUntilAnswering(url, process, tries = 300) {
  for (let i = 0; i < tries; i++) {
    if (process.child.exitCode !== null) throw new Error(`the Waline server exited (${process.child.exitCode}):\n${process.output()}`);
    try {
      const response = await fetch(`${url}/api/comment?type=count&url=/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the Waline server did not answer at ${url}:\n${process.output()}`);
}

/**
 * Starts PostgreSQL and Waline. `audit: true` makes every new comment wait
 * for approval. Returns the server's URL (`http://127.0.0.1:PORT`), `stop()`,
 * and `pause()` / `resume()` to take the Waline process down and bring it
 * back on the same port and database.
 */
export async function startWaline({ audit = false } = {}) {
  await installWaline();
  const postgres = await startPostgres();
  const oauth = await startNoOauth();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    PG_DB: 'waline',
    PG_USER: 'waline',
    PG_PASSWORD: 'waline',
    PG_HOST: '127.0.0.1',
    PG_PORT: String(postgres.port),
    OAUTH_URL: oauth.url,
    AKISMET_KEY: 'false',
    IPQPS: '0',
    COMMENT_AUDIT: audit ? 'true' : 'false',
    SECURE_DOMAINS: '',
    DISABLE_REGION: 'true',
    DISABLE_USERAGENT: 'true',
    MARKDOWN_TEX: 'false',
    NODE_ENV: 'production',
  };
  let waline = startWalineProcess(port, env);
  await waitUntilAnswering(url, waline);
  const stopWaline = async () => {
    if (waline.child.exitCode !== null) return;
    const exited = new Promise((resolve) => waline.child.once('exit', resolve));
    waline.child.kill('SIGKILL');
    await exited;
  };
  return {
    url,
    async pause() {
      await stopWaline();
    },
    async resume() {
      waline = startWalineProcess(port, env);
      await waitUntilAnswering(url, waline);
    },
    async stop() {
      await stopWaline();
      await oauth.stop();
      await postgres.stop();
    },
  };
}
