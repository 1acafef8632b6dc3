// A second WebDAV implementation for the sync tests: Debian's nginx with its dav module and
// dav-ext (PROPFIND), configured from scratch in a temp dir like the Apache one, never the
// system service. It keeps no ETags in listings and ignores If-Match/If-None-Match on PUT.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DavServer, answers, freePort, readAccessLog, stopChild } from './dav-server';

const NGINX = '/usr/sbin/nginx';
const DAV_EXT = '/usr/lib/nginx/modules/ngx_http_dav_ext_module.so';

/** Path of nginx; installs Debian's libnginx-mod-http-dav-ext (and nginx) when root. */
export function ensureNginx(): string {
  if (existsSync(NGINX) && existsSync(DAV_EXT)) return NGINX;
  const pkg = 'libnginx-mod-http-dav-ext';
  if (process.getuid?.() !== 0) {
    throw new Error(
      `nginx with dav-ext is needed for the second-server sync tests but is missing; ` +
        `install it with: sudo apt-get install -y --no-install-recommends ${pkg}`,
    );
  }
  const opts = {
    stdio: 'inherit' as const,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  };
  const install = ['install', '-y', '--no-install-recommends', pkg];
  try {
    execFileSync('apt-get', install, opts);
  } catch {
    execFileSync('apt-get', ['update'], opts);
    execFileSync('apt-get', install, opts);
  }
  return NGINX;
}

function config(dir: string, port: number, asRoot: boolean): string {
  return `load_module ${DAV_EXT};
${asRoot ? 'user www-data www-data;' : ''}
worker_processes 1;
pid ${dir}/run/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 64; }
http {
  log_format dav '$request $status';
  access_log ${dir}/logs/access.log dav;
  client_body_temp_path ${dir}/tmp;
  proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  client_max_body_size 64m;
  server {
    listen 127.0.0.1:${port};
    location /dav/ {
      alias ${dir}/data/;
      auth_basic dav;
      auth_basic_user_file ${dir}/htpasswd;
      dav_methods PUT DELETE MKCOL COPY MOVE;
      dav_ext_methods PROPFIND OPTIONS;
      create_full_put_path off;
      dav_access user:rw group:r all:r;
    }
  }
}
`;
}

/** Starts nginx serving a fresh, empty WebDAV folder at http://127.0.0.1:PORT/dav/. */
export async function startNginxDav(): Promise<DavServer> {
  const bin = ensureNginx();
  const user = 'tester';
  const password = 'secret';
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'confnotes-nginx-'));
  const root = join(dir, 'data');
  let child: ChildProcess | undefined;
  try {
    await chmod(dir, 0o755);
    for (const sub of ['data', 'run', 'logs', 'tmp']) await mkdir(join(dir, sub));
    if (asRoot) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'www-data']).toString());
      for (const sub of ['data', 'tmp']) await chown(join(dir, sub), id('-u'), id('-g'));
    }
    const sha = createHash('sha1').update(password).digest('base64');
    await writeFile(join(dir, 'htpasswd'), `${user}:{SHA}${sha}\n`, { mode: 0o644 });
    const port = await freePort();
    const conf = join(dir, 'nginx.conf');
    await writeFile(conf, config(dir, port, asRoot));
    // -e: the error log before the config is read (the default one is the system's).
    const args = ['-c', conf, '-p', dir, '-e', join(dir, 'logs/error.log'), '-g', 'daemon off;'];
    const started = spawn(bin, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const deadline = Date.now() + 15_000;
    while (!(await answers(port))) {
      if (started.exitCode !== null || Date.now() > deadline) {
        const log = await readFile(join(dir, 'logs/error.log'), 'utf8').catch(() => '');
        throw new Error(`nginx did not start: ${stderr}${log}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    let stopping: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${port}/dav/`,
      root,
      user,
      password,
      port,
      request(method, path, body, headers) {
        const url = new URL(path, `http://127.0.0.1:${port}/dav/`);
        return fetch(url, { method, body, headers: { Authorization: auth, ...headers } });
      },
      accessLog: () => readAccessLog(join(dir, 'logs/access.log')),
      stop() {
        stopping ??= stopChild(started).then(() => rm(dir, { recursive: true, force: true }));
        return stopping;
      },
    };
  } catch (err) {
    if (child) await stopChild(child);
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
