// An HTTP proxy in front of the WebDAV server that counts traffic and injects failures: an error
// status answered by the proxy itself, or a connection dropped before or during the upload.
import {
  Agent,
  STATUS_CODES,
  createServer,
  request,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = { status: number } | { drop: 'before' | 'mid-upload' };

export interface FaultRule {
  /** Matches any method when absent; OPTIONS preflights match only when named explicitly. */
  method?: string;
  /** Tested against the raw request path (with query), e.g. /dav/notes/a.md */
  path?: RegExp;
  fault: Fault;
  /** How many matching requests fail before the rule is used up; default 1. */
  times?: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  /** 0 while unanswered, and for dropped connections. */
  status: number;
  /** Request line, headers and body as sent by the client (headers approximated). */
  bytesIn: number;
  /** Status line, headers and body sent back. */
  bytesOut: number;
  /** When the request arrived (performance.now() in this process). */
  at: number;
}

/** Requests held at the proxy until released: makes an interleaving of two devices exact. */
export interface Hold {
  /** Resolves when the first matching request arrives (it waits, unforwarded). */
  reached: Promise<void>;
  /** Lets the held request, and any later matching one, through. */
  release(): void;
}

export interface FaultProxy {
  /** Same path layout as the target, e.g. http://127.0.0.1:P/dav/ */
  url: string;
  /** Every request, in arrival order; reset with `requests.length = 0`. */
  requests: ProxiedRequest[];
  fail(rule: FaultRule): void;
  /** Holds the requests matching `rule` (method and path, as for faults) until released. */
  hold(rule: Omit<FaultRule, 'fault' | 'times'>): Hold;
  /** Forgets the rules not yet used up. */
  clear(): void;
  stop(): Promise<void>;
}

export interface FaultProxyOptions {
  /** CORS origin on injected answers, as the target sends it; default '*'. */
  origin?: string;
  /**
   * Keep client connections open between requests; default false. Chromium silently resends a
   * request whose reused keep-alive connection closes before any answer, which would hide a
   * dropped connection from the app; with a fresh connection per request the drop is seen.
   */
  keepAlive?: boolean;
}

// Hop-by-hop headers belong to one connection, not to the request or answer.
const HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
]);

function headerBytes(firstLine: string, raw: string[]): number {
  let n = firstLine.length + 2 + 2;
  for (let i = 0; i + 1 < raw.length; i += 2) n += raw[i]!.length + 2 + raw[i + 1]!.length + 2;
  return n;
}

/**
 * The CORS answer of a browser-facing WebDAV server (what Nextcloud must be set up to send):
 * the Apache config sends it, and the proxy adds it to injected answers so the browser can read
 * their status.
 */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Methods': 'GET, HEAD, PUT, DELETE, MKCOL, PROPFIND, MOVE, COPY, OPTIONS',
    'Access-Control-Allow-Headers':
      'Authorization, Content-Type, Depth, If-Match, If-None-Match, Destination, Overwrite',
    'Access-Control-Expose-Headers': 'ETag, DAV, Content-Length, Content-Type',
    'Access-Control-Max-Age': '600',
  };
}

/** Starts a proxy on a free port forwarding to `targetBase` (e.g. a DavServer's url). */
export async function startFaultProxy(
  targetBase: string,
  opts: FaultProxyOptions = {},
): Promise<FaultProxy> {
  const target = new URL(targetBase);
  const origin = opts.origin ?? '*';
  const keepAlive = opts.keepAlive ?? false;
  const agent = new Agent({ keepAlive: true });
  const rules: (FaultRule & { left: number })[] = [];
  const requests: ProxiedRequest[] = [];

  function take(req: IncomingMessage): Fault | undefined {
    const method = req.method ?? 'GET';
    const i = rules.findIndex(
      (r) =>
        (r.method ? r.method.toUpperCase() === method : method !== 'OPTIONS') &&
        (!r.path || r.path.test(req.url ?? '/')),
    );
    const rule = rules[i];
    if (!rule) return undefined;
    if (--rule.left <= 0) rules.splice(i, 1);
    return rule.fault;
  }

  const holds: {
    rule: Omit<FaultRule, 'fault' | 'times'>;
    arrived(): void;
    gate: Promise<void>;
  }[] = [];

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const hold = holds.find(
      ({ rule }) =>
        (!rule.method || rule.method.toUpperCase() === req.method) &&
        (!rule.path || rule.path.test(req.url ?? '/')),
    );
    if (!hold) return serve(req, res);
    req.pause();
    hold.arrived();
    void hold.gate.then(() => serve(req, res));
  }

  function serve(req: IncomingMessage, res: ServerResponse): void {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const entry: ProxiedRequest = {
      method,
      path,
      status: 0,
      bytesIn: headerBytes(`${method} ${path} HTTP/${req.httpVersion}`, req.rawHeaders),
      bytesOut: 0,
      at: performance.now(),
    };
    requests.push(entry);
    req.on('data', (chunk: Buffer) => (entry.bytesIn += chunk.length));
    const close: [string, string][] = keepAlive ? [] : [['Connection', 'close']];

    const fault = take(req);
    if (fault && 'drop' in fault) {
      if (fault.drop === 'before') return void req.socket.destroy();
      // Let the upload start, then cut it: the server never sees a byte of it.
      const cut = () => req.socket.destroy();
      req.once('data', cut);
      req.once('end', cut);
      return;
    }
    if (fault) {
      const body = `Injected ${fault.status}\n`;
      const headers: [string, string][] = [
        ...Object.entries(corsHeaders(origin)),
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Content-Length', String(Buffer.byteLength(body))],
        ...close,
      ];
      if (fault.status === 401) headers.push(['WWW-Authenticate', 'Basic realm="dav"']);
      req.resume(); // discard the upload
      const message = STATUS_CODES[fault.status] ?? 'Injected';
      entry.status = fault.status;
      entry.bytesOut =
        headerBytes(`HTTP/1.1 ${fault.status} ${message}`, headers.flat()) +
        Buffer.byteLength(body);
      res.writeHead(fault.status, message, headers.flat());
      res.end(body);
      return;
    }

    const headers: OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers))
      if (!HOP.has(k) && v !== undefined) headers[k] = v;
    // Host stays the proxy's: mod_dav checks that a MOVE/COPY Destination names the same port.
    const upstream = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method,
        path,
        headers,
      },
      (up) => {
        const raw: string[] = close.flat();
        for (let i = 0; i + 1 < up.rawHeaders.length; i += 2) {
          if (!HOP.has(up.rawHeaders[i]!.toLowerCase()))
            raw.push(up.rawHeaders[i]!, up.rawHeaders[i + 1]!);
        }
        entry.status = up.statusCode ?? 502;
        entry.bytesOut = headerBytes(`HTTP/1.1 ${entry.status} ${up.statusMessage ?? ''}`, raw);
        res.writeHead(entry.status, up.statusMessage, raw);
        up.on('data', (chunk: Buffer) => (entry.bytesOut += chunk.length));
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) {
        entry.status = 502;
        res.writeHead(502, {
          ...corsHeaders(origin),
          'Content-Type': 'text/plain',
          Connection: 'close',
        });
        res.end('Bad gateway\n');
      } else res.destroy();
    });
    // The client went away: do not leave a half-done upload hanging at the server.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  }

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    requests,
    fail(rule) {
      rules.push({ ...rule, left: rule.times ?? 1 });
    },
    hold(rule) {
      let arrived!: () => void;
      let release!: () => void;
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));
      const entry = { rule, arrived, gate };
      holds.push(entry);
      return {
        reached,
        release() {
          holds.splice(holds.indexOf(entry), 1);
          release();
        },
      };
    },
    clear() {
      rules.length = 0;
    },
    stop() {
      server.closeAllConnections();
      agent.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
