// `npm run scenario:capture -- --ticket <id> …`: runs harness/capture/cli.ts (TypeScript) through Vite's module loader.
import { resolve } from 'node:path';
import { createServer } from 'vite';

const vite = await createServer({ configFile: false, root: resolve(import.meta.dirname, '..'), logLevel: 'error', server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', optimizeDeps: { noDiscovery: true, include: [] } });
let code = 1;
try {
  const { runCapture } = await vite.ssrLoadModule('/harness/capture/cli.ts');
  code = await runCapture(process.argv.slice(2), process.env, { say: (line) => console.log(line), warn: (line) => console.error(line) });
} finally {
  await vite.close();
}
process.exit(code);
