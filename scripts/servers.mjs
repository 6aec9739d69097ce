// Shared by the browser tests' global setup and `npm run bench`: the harness (and the protocol test
// host) on a Vite dev server or built once, a fresh production build served from another origin, and
// the npm copy of the ZAF SDK bundled as the script Zendesk's CDN serves.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, createServer } from 'vite';
import { translationParts } from './translation-parts.mjs';

export const ROOT = resolve(import.meta.dirname, '..');
export const SDK_BUNDLE = resolve(ROOT, 'test-results/host-sdk/zaf_sdk.min.js');
export const HARNESS_BUILD = resolve(ROOT, 'test-results/harness-build');
export const SDK_URL = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.map': 'application/json', '.svg': 'image/svg+xml' };

/**
 * Serves a folder the way Zendesk serves an app's assets: from another origin than the page hosting it.
 * `fallback(pathname)` may name a file outside the folder for a path the folder lacks.
 */
export function serveFolder(dir, fallback = () => null) {
  const server = createHttpServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let path = normalize(join(dir, pathname));
    if (path.startsWith(dir) && existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!path.startsWith(dir) || !existsSync(path)) path = fallback(pathname) ?? path;
    if (!existsSync(path) || statSync(path).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(path).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** Scenario files (and other JSON fixtures) are read from the repository as they are now, not from a build. */
function repositoryJson(pathname) {
  const path = normalize(join(ROOT, pathname));
  return path.startsWith(ROOT) && extname(path) === '.json' && !path.includes('node_modules') ? path : null;
}

/**
 * What Zendesk serves is a production build, and so is what the tests load: Vite and its React plugin take
 * "production" from NODE_ENV itself, and vitest sets it to `test` (React's development build, StrictMode's
 * double renders in the harness, about twice the CPU per page). Builds run with NODE_ENV=production,
 * restored after (scripts/firstPaint.test.ts does the same for the size it measures).
 */
const PRODUCTION = { mode: 'production', define: { 'process.env.NODE_ENV': JSON.stringify('production') } };
async function asProduction(run) {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}

/** The app as Zendesk serves it (production), into vite.config.ts's folder (dist/assets) or `outDir`. */
export async function buildApp(outDir) {
  await asProduction(() => build({ configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'error', ...PRODUCTION, ...(outDir ? { build: { outDir, emptyOutDir: true } } : {}) }));
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

/**
 * The harness page and the protocol test host page, built once (what `npm start` serves, bundled): the
 * browser tests load them dozens of times, and a page of the dev server is hundreds of module requests.
 */
export async function buildHarness() {
  await build({
    configFile: false,
    root: ROOT,
    base: '/',
    publicDir: resolve(ROOT, 'harness/public'),
    plugins: [react(), translationParts()],
    logLevel: 'error',
    ...PRODUCTION,
    build: {
      outDir: HARNESS_BUILD,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      reportCompressedSize: false,
      rollupOptions: { input: { harness: resolve(ROOT, 'harness/index.html'), host: resolve(ROOT, 'tests/host/index.html') } },
    },
  });
}

/** Reports each step of the start (the browser tests print it: the build is the longest silent part). */
const step = async (say, label, run) => {
  const started = Date.now();
  const value = await run();
  say?.(`${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return value;
};

/**
 * Everything the browser runs against; `close()` stops it all.
 * `harness: 'dev'` (default) serves the harness and the test host from Vite's dev server, as `npm start`
 * does; `'build'` builds them once and serves the files (the browser tests).
 */
export async function startServers({ harness = 'dev', say } = {}) {
  const [harnessServer] = await asProduction(() => Promise.all([
    harness === 'build'
      ? step(say, 'built the harness and the test host', async () => {
          await buildHarness();
          return serveFolder(HARNESS_BUILD, repositoryJson);
        })
      : null,
    step(say, 'built the app (production) and the SDK bundle', async () => {
      await buildApp();
      await buildSdkBundle();
    }),
  ]));
  let vite = null;
  if (!harnessServer) {
    vite = await createServer({ configFile: resolve(ROOT, 'vite.config.ts'), server: { port: 0, host: '127.0.0.1' }, logLevel: 'error', clearScreen: false });
    await vite.listen();
  }
  const staticServer = await serveFolder(resolve(ROOT, 'dist'));
  const harnessUrl = `http://localhost:${(harnessServer ?? vite.httpServer).address().port}`;
  const appUrl = `http://127.0.0.1:${staticServer.address().port}/assets/iframe.html`;
  return {
    harnessUrl,
    appUrl,
    sdkPath: SDK_BUNDLE,
    async close() {
      await vite?.close();
      if (harnessServer) await new Promise((done) => harnessServer.close(done));
      await new Promise((done) => staticServer.close(done));
    },
  };
}
