import later from 'virtual:translations/pt-br/later';
import { addLaterTexts } from './i18n';

/** pt-BR texts first paint never shows (see addLaterTexts): imported by the code that shows them. */
addLaterTexts(later);
