// Shared by the browser tests' global setup and `npm run bench`: the harness on a Vite dev server, a
// fresh production build served from another origin, and the npm copy of the ZAF SDK bundled as the
// script Zendesk's CDN serves.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { build, createServer } from 'vite';

export const ROOT = resolve(import.meta.dirname, '..');
export const SDK_BUNDLE = resolve(ROOT, 'test-results/host-sdk/zaf_sdk.min.js');
export const SDK_URL = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

/** Serves a folder the way Zendesk serves an app's assets: from another origin than the page hosting it. */
export function serveFolder(dir) {
  const server = createHttpServer((request, response) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(dir) || !existsSync(path) || statSync(path).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

export async function buildApp() {
  await build({ configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'error' });
}

export async function buildSdkBundle() {
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      lib: { entry: resolve(ROOT, 'tests/host/zafSdk.ts'), formats: ['iife'], name: 'ZafSdkBundle', fileName: () => 'zaf_sdk.min.js' },
      outDir: resolve(ROOT, 'test-results/host-sdk'),
      emptyOutDir: true,
    },
  });
}

/** Everything the browser runs against; `close()` stops it all. */
export async function startServers() {
  await buildApp();
  await buildSdkBundle();
  const vite = await createServer({ configFile: resolve(ROOT, 'vite.config.ts'), server: { port: 0, host: '127.0.0.1' }, logLevel: 'error', clearScreen: false });
  await vite.listen();
  const staticServer = await serveFolder(resolve(ROOT, 'dist'));
  const harnessUrl = `http://localhost:${vite.httpServer.address().port}`;
  const appUrl = `http://127.0.0.1:${staticServer.address().port}/assets/iframe.html`;
  return {
    harnessUrl,
    appUrl,
    sdkPath: SDK_BUNDLE,
    async close() {
      await vite.close();
      await new Promise((done) => staticServer.close(done));
    },
  };
}
