import { createServer, type ViteDevServer } from 'vite';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    harnessUrl: string;
  }
}

let server: ViteDevServer | undefined;

/** One Vite dev server serving the harness for every browser test file. */
export async function setup(project: TestProject) {
  server = await createServer({ configFile: resolve(import.meta.dirname, '../vite.config.ts'), server: { port: 0, host: '127.0.0.1' }, logLevel: 'error', clearScreen: false });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite did not listen on a port');
  project.provide('harnessUrl', `http://localhost:${address.port}`);
}

export async function teardown() {
  await server?.close();
}
