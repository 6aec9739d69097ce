import { createRoot } from 'react-dom/client';
import type { ZafClient } from './zendesk/client';
import type { RestPolicy } from './zendesk/restApi';
import type { CacheStores } from './zendesk/storage';
import { createSentinela, type Sentinela } from './app/sentinela';
import { App } from './ui/App';
import './ui/styles.css';

/** Starts the app on a client (the real ZAF one, or the harness's fake) and renders it. */
export function mount(client: ZafClient, element: HTMLElement, options: { stores?: Partial<CacheStores>; policy?: RestPolicy } = {}): Sentinela {
  const sentinela = createSentinela(client, options);
  const resize = (height: number) => void client.invoke('resize', { width: '100%', height: `${height}px` }).catch(() => undefined);
  createRoot(element).render(<App sentinela={sentinela} onResize={resize} />);
  void sentinela.start();
  return sentinela;
}
