import { createZafClient } from './zendesk/zafClient';
import { mount, sessionStore } from './mount';
import { createTranslate, DEFAULT_DICTIONARY } from './i18n';

const root = document.getElementById('root')!;
const client = createZafClient();
if (client) {
  mount(client, root, { store: sessionStore() });
} else {
  root.textContent = createTranslate(DEFAULT_DICTIONARY)('ui.outsideZendesk');
}
