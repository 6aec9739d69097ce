import { existsSync } from 'node:fs';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { startServers } from '../scripts/servers.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    harnessUrl: string;
    appUrl: string;
    sdkPath: string;
    /** The one Chromium every browser test file connects to (tests/browser.ts `launch()`). */
    browserWsEndpoint: string;
  }
}

let servers: Awaited<ReturnType<typeof startServers>> | undefined;
let browserServer: BrowserServer | undefined;
const say = (line: string) => process.stdout.write(`[browser tests] ${line}\n`);

/**
 * Once per run, for every browser test file: the harness and the protocol test host built once, a fresh
 * production build of the app (another origin), and one Chromium.
 */
export async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's package "chromium" (apt-get install -y chromium)`);
  const started = Date.now();
  [servers, browserServer] = await Promise.all([
    startServers({ harness: 'build', say }),
    chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
  ]);
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: harness ${servers.harnessUrl}, app ${servers.appUrl}, one Chromium for every file`);
  project.provide('harnessUrl', servers.harnessUrl);
  project.provide('appUrl', servers.appUrl);
  project.provide('sdkPath', servers.sdkPath);
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
}

export async function teardown() {
  await browserServer?.close();
  await servers?.close();
}
