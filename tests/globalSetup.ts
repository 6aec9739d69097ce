import type { TestProject } from 'vitest/node';
import { startServers } from '../scripts/servers.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    harnessUrl: string;
    appUrl: string;
    sdkPath: string;
  }
}

let servers: Awaited<ReturnType<typeof startServers>> | undefined;

/** The harness (Vite, http://localhost:…) and a fresh production build (http://127.0.0.1:…), for every browser test file. */
export async function setup(project: TestProject) {
  servers = await startServers();
  project.provide('harnessUrl', servers.harnessUrl);
  project.provide('appUrl', servers.appUrl);
  project.provide('sdkPath', servers.sdkPath);
}

export async function teardown() {
  await servers?.close();
}
