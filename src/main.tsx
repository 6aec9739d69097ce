import { createZafClient } from './zendesk/zafClient';
import { mount } from './mount';
import { createTranslate, DEFAULT_DICTIONARY } from './i18n';

const root = document.getElementById('root')!;
const client = createZafClient();
if (client) {
  mount(client, root); // the REST layer opens the browser's stores after first paint
} else {
  root.textContent = createTranslate(DEFAULT_DICTIONARY)('ui.outsideZendesk');
}
