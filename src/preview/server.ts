import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.dtd': 'application/xml-dtd',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves folders under URL prefixes on the loopback interface, e.g.
 * `{ '/': 'build/preview', '/scorm12/': 'build/scorm12' }`. Same origin for the
 * preview LMS and the course, as an LMS serves them. Any path may be prefixed with
 * `/activity/<name>`, which is ignored. `json` answers exact paths with live data.
 */
export function serveStatic(
  routes: Record<string, string>,
  port = 0,
  host = '127.0.0.1',
  json: Record<string, () => unknown> = {},
): Promise<StaticServer> {
  const prefixes = Object.keys(routes).sort((a, b) => b.length - a.length);
  const server: Server = createServer((req, res) => {
    const answer = json[new URL(req.url ?? '/', 'http://x').pathname];
    if (answer && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(answer()));
      return;
    }
    // `/activity/<name>/scorm12/…` serves the same package as `/scorm12/…`: each activity of the
    // preview LMS's Moodle profile gets its own path, as Moodle's pluginfile.php URLs do.
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/activity\/[^/]+(?=\/)/, '');
    if (req.method === 'POST') {
      // A commit endpoint for LMS settings that want one.
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":true,"errorCode":0}');
      return;
    }
    const prefix = prefixes.find((p) => path.startsWith(p));
    if (!prefix) return void res.writeHead(404).end('not found');
    const base = resolve(routes[prefix] as string);
    let file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    // A rebuild may remove the file between the check and the read: answer 404, never crash the preview.
    createReadStream(file)
      .on('error', () => void (res.headersSent ? res.destroy() : res.writeHead(404).end('not found')))
      .once('open', function (this: NodeJS.ReadableStream) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        this.pipe(res);
      });
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      ok({ url: `http://${host}:${actual}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
