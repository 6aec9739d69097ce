/// <reference types="vitest/config" />
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONFIG_FILE, SettingsFileError, writeZcliConfig } from './scripts/zcli-config.mjs';
import { escapeForValidator } from './scripts/validate-app.mjs';
import { translationParts } from './scripts/translation-parts.mjs';
import BrowserFilesFirst from './scripts/testSequencer.mjs';

const here = import.meta.dirname;

/**
 * The folder zcli packages: manifest.json and translations/ beside the built assets/; and
 * dist/zcli.apps.config.json with every parameter, so `zcli apps:server dist` starts without prompting
 * (earlier values kept; `node scripts/zcli-config.mjs my-settings.json` sets yours).
 */
function zendeskAppFolder(): Plugin {
  let appFolder = resolve(here, 'dist');
  return {
    name: 'zendesk-app-folder',
    apply: 'build',
    configResolved(config) {
      appFolder = dirname(resolve(config.root, config.build.outDir)); // dist/assets → dist
    },
    closeBundle() {
      mkdirSync(appFolder, { recursive: true });
      cpSync(resolve(here, 'manifest.json'), resolve(appFolder, 'manifest.json'));
      cpSync(resolve(here, 'translations'), resolve(appFolder, 'translations'), { recursive: true });
      // requirements.json depends on an installation's settings: only `npm run package -- --settings …` writes it.
      rmSync(resolve(appFolder, 'requirements.json'), { force: true });
      try {
        writeZcliConfig({ root: here, dist: appFolder });
      } catch (error) {
        if (!(error instanceof SettingsFileError)) throw error;
        this.warn(`${error.message} ${CONFIG_FILE} left as it was.`);
      }
    },
  };
}

/**
 * Zendesk's validator warns on words in any packaged .js (validations/secrets.rb, requests.rb): the
 * libraries' `password` input type and w3.org namespace URIs would show every admin warnings about code
 * that holds no secret and makes no request. The same code, with those letters escaped, after minification.
 */
function quietForZendeskValidator(): Plugin {
  return {
    name: 'quiet-for-zendesk-validator',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) if (output.type === 'chunk') output.code = escapeForValidator(output.code);
    },
  };
}

export default defineConfig(({ command }) => {
  if (command === 'build') {
    return {
      root: resolve(here, 'src'),
      base: './',
      publicDir: resolve(here, 'assets'),
      plugins: [react(), translationParts(), zendeskAppFolder(), quietForZendeskValidator()],
      build: {
        outDir: resolve(here, 'dist/assets'),
        emptyOutDir: true,
        assetsDir: '.',
        target: 'es2020',
        rollupOptions: {
          input: resolve(here, 'src/iframe.html'),
          // Everything first paint imports statically stays in one file. Without this group, two lazy
          // panels that share Garden modules with first paint (Procedures, the setup assistant) make
          // Rolldown split React, Garden and zod into common chunks: 4 files, +2 KB gzip before first paint.
          output: { codeSplitting: { groups: [{ name: 'first-paint', tags: ['$initial'] }] } },
        },
      },
    };
  }
  return {
    plugins: [react(), translationParts()],
    publicDir: resolve(here, 'harness/public'),
    server: { port: 5173, strictPort: false },
    test: {
      // Unit and browser files side by side: two workers drive the one Chromium every browser file shares
      // (tests/globalSetup.ts), the third runs the unit files, then all three take the remaining browser
      // files (scripts/testSequencer.mjs). TEST_WORKERS overrides the pool size.
      maxWorkers: Number(process.env.TEST_WORKERS) || 3,
      sequence: { sequencer: BrowserFilesFirst },
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            // Node unless a file asks for a DOM (`// @vitest-environment jsdom`: the component tests): a jsdom
            // per file costs CPU the rules' tests do not need.
            environment: 'node',
            // CPU-bound tests (property tests) on a shared 2-core machine: a bound on hangs, not on speed;
            // it grows with PROPERTY_RUNS (src/test-setup.ts), so a deeper search is not cut short.
            testTimeout: 30_000 * Math.max(1, (Number(process.env.PROPERTY_RUNS) || 1000) / 1000),
            setupFiles: ['./src/test-setup.ts'],
            include: ['src/**/*.test.{ts,tsx}', 'harness/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            environment: 'node',
            include: ['tests/**/*.test.ts'],
            globalSetup: ['./tests/globalSetup.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
            // A condition polled in a browser test waits as long as a locator does (expect.poll's 1 s default is
            // shorter than a lazy chunk takes on a busy 2-core CI machine: host.test.ts failed on it, 2026-11-29).
            expect: { poll: { timeout: 15_000 } },
          },
        },
      ],
    },
  };
});
