import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { build, createServer, type ViteDevServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    harnessUrl: string;
    appUrl: string;
    sdkPath: string;
  }
}

const ROOT = resolve(import.meta.dirname, '..');
export const SDK_BUNDLE = resolve(ROOT, 'test-results/host-sdk/zaf_sdk.min.js');
let vite: ViteDevServer | undefined;
let staticServer: Server | undefined;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

/** Serves a folder the way Zendesk serves an app's assets: from another origin than the page hosting it. */
function serveFolder(dir: string): Promise<Server> {
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

/**
 * For every browser test file: the harness on a Vite dev server (http://localhost:…), and a fresh
 * production build (what zcli packages) served from http://127.0.0.1:…, with the npm copy of the ZAF
 * SDK bundled as the script Zendesk's CDN would serve.
 */
export async function setup(project: TestProject) {
  await build({ configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'error' });
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      lib: { entry: resolve(ROOT, 'tests/host/zafSdk.ts'), formats: ['iife'], name: 'ZafSdkBundle', fileName: () => 'zaf_sdk.min.js' },
      outDir: resolve(ROOT, 'test-results/host-sdk'),
      emptyOutDir: true,
    },
  });
  vite = await createServer({ configFile: resolve(ROOT, 'vite.config.ts'), server: { port: 0, host: '127.0.0.1' }, logLevel: 'error', clearScreen: false });
  await vite.listen();
  const address = vite.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite did not listen on a port');
  staticServer = await serveFolder(resolve(ROOT, 'dist'));
  const staticAddress = staticServer.address();
  if (!staticAddress || typeof staticAddress === 'string') throw new Error('the static server did not listen');
  project.provide('harnessUrl', `http://localhost:${address.port}`);
  project.provide('appUrl', `http://127.0.0.1:${staticAddress.port}/assets/iframe.html`);
  project.provide('sdkPath', SDK_BUNDLE);
}

export async function teardown() {
  await vite?.close();
  await new Promise((done) => (staticServer ? staticServer.close(done) : done(undefined)));
}
