// Servers the browser tests start and stop: the production build under `vite preview` (stopped
// to make the app truly offline) and a schedule host whose files, headers and CORS the test sets.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { preview, type PreviewServer } from 'vite';

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface AppServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Serves a built app folder with vite preview; port 0 picks a free one. */
export async function startApp(port = 0, outDir = 'dist'): Promise<AppServer> {
  const server: PreviewServer = await preview({
    root: ROOT,
    configFile: `${ROOT}vite.config.ts`,
    logLevel: 'silent',
    build: { outDir },
    preview: { port, strictPort: port !== 0, host: '127.0.0.1' },
  });
  const http = server.httpServer as Server;
  const actual = (http.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${actual}/`, port: actual, stop: () => closeServer(http) };
}

export interface HostedFile {
  body: string | Buffer;
  type?: string;
  status?: number;
  cors?: boolean;
  etag?: string;
  lastModified?: string;
}

/** A schedule host: `files` can be changed between requests; `requests` logs what came in. */
export class ScheduleHost {
  files = new Map<string, HostedFile>();
  requests: { path: string; headers: IncomingMessage['headers'] }[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    this.requests.push({ path, headers: req.headers });
    const file = this.files.get(path);
    const cors = file?.cors ?? true;
    if (cors) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, If-Modified-Since');
      res.setHeader('Access-Control-Expose-Headers', 'ETag, Last-Modified');
    }
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (!file) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    if (file.etag) res.setHeader('ETag', file.etag);
    if (file.lastModified) res.setHeader('Last-Modified', file.lastModified);
    if (file.etag && req.headers['if-none-match'] === file.etag)
      return void res.writeHead(304).end();
    res.writeHead(file.status ?? 200, { 'Content-Type': file.type ?? 'application/octet-stream' });
    res.end(file.body);
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server);
  }
}
