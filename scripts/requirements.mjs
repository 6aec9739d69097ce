// `npm run requirements -- …`: writes requirements.json (the server-side O.S. backstop) from the settings.
// Runs scripts/backstop/cli.ts (TypeScript) through Vite's module loader, as scripts/capture.mjs does.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer } from 'vite';

/** Runs the generator with these arguments; resolves to its exit code. */
export async function generateRequirements(argv, io = { say: (line) => console.log(line), warn: (line) => console.error(line) }) {
  const vite = await createServer({ configFile: false, root: resolve(import.meta.dirname, '..'), logLevel: 'error', server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', optimizeDeps: { noDiscovery: true, include: [] } });
  try {
    const { runRequirements } = await vite.ssrLoadModule('/scripts/backstop/cli.ts');
    return await runRequirements(argv, process.env, io);
  } finally {
    await vite.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(await generateRequirements(process.argv.slice(2)));
