// A real WebDAV server for sync tests and benchmarks: Debian's Apache httpd with mod_dav_fs,
// configured from scratch in a temp dir (never /etc/apache2, never the system service) with
// Basic auth and the CORS headers a browser-facing Nextcloud needs.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corsHeaders } from './fault-proxy';

const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

export interface DavServer {
  /** Base URL of the DAV root, with a trailing slash: http://127.0.0.1:PORT/dav/ */
  url: string;
  /** Filesystem directory served at `url` (owned by www-data when running as root). */
  root: string;
  user: string;
  password: string;
  port: number;
  /** A request as the account's owner, straight to the server (not through a proxy). */
  request(
    method: string,
    path: string,
    body?: string,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /** Every request the server took so far, as "METHOD /path status", from its access log. */
  accessLog(): Promise<string[]>;
  stop(): Promise<void>;
}

/** The lines of an access log written as "%r %>s" (method, path, protocol, status). */
export async function readAccessLog(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/^(\S+) (\S+) HTTP\/[\d.]+ (\d+).*$/, '$1 $2 $3'));
}

export interface DavOptions {
  /** Allowed CORS origin; default '*'. */
  origin?: string;
  user?: string;
  password?: string;
  /**
   * How Apache computes ETags. 'digest' (default): SHA-1 of the content, always strong.
   * 'mtime': `FileETag MTime Size`, which Apache marks weak (W/) for a second after every
   * write, so an If-Match sent within that second gets 412 even when it is current.
   */
  etag?: 'digest' | 'mtime';
}

/** Path of the apache2 binary; installs Debian's apache2 when missing and we are root. */
export function ensureApache(): string {
  if (existsSync(APACHE) && existsSync(join(MODULES, 'mod_dav_fs.so'))) return APACHE;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Apache httpd with mod_dav is needed for the WebDAV tests but ${APACHE} is missing; ` +
        'install it with: sudo apt-get install -y --no-install-recommends apache2',
    );
  }
  const install = ['install', '-y', '--no-install-recommends', 'apache2'];
  const opts = {
    stdio: 'inherit' as const,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  };
  try {
    execFileSync('apt-get', install, opts);
  } catch {
    // A fresh container has no package lists yet.
    execFileSync('apt-get', ['update'], opts);
    execFileSync('apt-get', install, opts);
  }
  if (!existsSync(APACHE)) throw new Error(`apt-get installed apache2 but ${APACHE} is missing`);
  return APACHE;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function config(dir: string, port: number, o: Required<DavOptions>, asRoot: boolean): string {
  const mods = [
    'mpm_event',
    'authz_core',
    'authn_core',
    'authn_file',
    'auth_basic',
    'authz_user',
    'dav',
    'dav_fs',
    'headers',
    'mime',
    'alias',
  ];
  const cors = corsHeaders(o.origin);
  return [
    `ServerRoot "${dir}"`,
    'ServerName 127.0.0.1',
    `Listen 127.0.0.1:${port}`,
    `PidFile "${dir}/run/httpd.pid"`,
    `DefaultRuntimeDir "${dir}/run"`,
    `ErrorLog "${dir}/logs/error.log"`,
    'LogLevel warn',
    `CustomLog "${dir}/logs/access.log" "%r %>s %I %O"`,
    // Apache refuses to serve as root; its workers drop to www-data.
    ...(asRoot ? ['User www-data', 'Group www-data'] : []),
    ...mods.map((m) => `LoadModule ${m}_module "${MODULES}/mod_${m}.so"`),
    'StartServers 1',
    'ServerLimit 4',
    'ThreadsPerChild 16',
    'MaxRequestWorkers 64',
    'TypesConfig /etc/mime.types',
    `DocumentRoot "${dir}/data"`,
    `DavLockDB "${dir}/lock/DavLock"`,
    `FileETag ${o.etag === 'digest' ? 'Digest' : 'MTime Size'}`,
    `Alias /dav "${dir}/data"`,
    '<Directory />',
    '  AllowOverride None',
    '  Require all denied',
    '</Directory>',
    `<Directory "${dir}/data">`,
    '  Dav On',
    '  AuthType Basic',
    '  AuthName dav',
    '  AuthBasicProvider file',
    `  AuthUserFile "${dir}/htpasswd"`,
    // A CORS preflight carries no credentials; mod_dav answers OPTIONS itself with 200.
    '  <RequireAny>',
    '    Require method OPTIONS',
    '    Require valid-user',
    '  </RequireAny>',
    // `always` so 401, 412 and other errors carry them too and the browser can read the status.
    ...Object.entries(cors).map(([k, v]) => `  Header always set ${k} "${v}"`),
    '</Directory>',
    '',
  ].join('\n');
}

export function answers(port: number, path = '/dav/'): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'OPTIONS', path }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(1000, () => req.destroy());
    req.end();
  });
}

const running = new Set<ChildProcess>();
let exitHook = false;

/** Kills the whole process group (Apache's workers included). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export function stopChild(child: ChildProcess, timeoutMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      // Workers that outlive the parent would keep the temp dir busy.
      killGroup(child, 'SIGKILL');
      resolve();
    });
    killGroup(child, 'SIGTERM');
  });
}

async function launch(bin: string, conf: string, port: number, log: string): Promise<ChildProcess> {
  // Own process group so stop() can reach the workers too.
  const child = spawn(bin, ['-f', conf, '-DFOREGROUND'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const errorLog = await readFile(log, 'utf8').catch(() => '');
      throw new Error(
        `apache2 exited (${child.exitCode ?? child.signalCode}): ${stderr}${errorLog}`,
      );
    }
    if (await answers(port)) return child;
    await new Promise((r) => setTimeout(r, 20));
  }
  await stopChild(child);
  throw new Error(`apache2 did not answer on port ${port} within 15 s: ${stderr}`);
}

/** Starts Apache serving a fresh, empty WebDAV folder at http://127.0.0.1:PORT/dav/. */
export async function startDav(opts: DavOptions = {}): Promise<DavServer> {
  const bin = ensureApache();
  const o: Required<DavOptions> = {
    origin: opts.origin ?? '*',
    user: opts.user ?? 'tester',
    password: opts.password ?? 'secret',
    etag: opts.etag ?? 'digest',
  };
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'confnotes-dav-'));
  const root = join(dir, 'data');
  try {
    // www-data must traverse the temp dir (mkdtemp makes it 0700) and own what it writes.
    await chmod(dir, 0o755);
    for (const sub of ['data', 'lock', 'run', 'logs']) await mkdir(join(dir, sub));
    if (asRoot) {
      const www = Number(execFileSync('id', ['-u', 'www-data']).toString().trim());
      const wwwGroup = Number(execFileSync('id', ['-g', 'www-data']).toString().trim());
      for (const sub of ['data', 'lock']) await chown(join(dir, sub), www, wwwGroup);
    }
    // {SHA} is an htpasswd format Apache accepts, so apache2-utils is not needed.
    const sha = createHash('sha1').update(o.password).digest('base64');
    await writeFile(join(dir, 'htpasswd'), `${o.user}:{SHA}${sha}\n`, { mode: 0o644 });

    let child: ChildProcess | undefined;
    let port = 0;
    for (let attempt = 1; !child; attempt++) {
      port = await freePort();
      const conf = join(dir, 'httpd.conf');
      await writeFile(conf, config(dir, port, o, asRoot));
      try {
        child = await launch(bin, conf, port, join(dir, 'logs/error.log'));
      } catch (err) {
        // Another process may have taken the port between freePort() and Apache's bind.
        if (attempt >= 5 || !/could not bind|Address already in use/i.test(String(err))) throw err;
      }
    }

    running.add(child);
    if (!exitHook) {
      exitHook = true;
      // A crashed or aborted test run must not leave Apache behind.
      process.once('exit', () => running.forEach((c) => killGroup(c, 'SIGKILL')));
    }
    const started = child;
    let stopping: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${port}/dav/`,
      root,
      user: o.user,
      password: o.password,
      port,
      request(method, path, body, headers) {
        const auth = `Basic ${Buffer.from(`${o.user}:${o.password}`).toString('base64')}`;
        const url = new URL(path, `http://127.0.0.1:${port}/dav/`);
        return fetch(url, { method, body, headers: { Authorization: auth, ...headers } });
      },
      accessLog: () => readAccessLog(join(dir, 'logs/access.log')),
      stop() {
        stopping ??= stopChild(started).then(async () => {
          running.delete(started);
          await rm(dir, { recursive: true, force: true });
        });
        return stopping;
      },
    };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
