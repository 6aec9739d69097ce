import type { Settings } from '../settings';
import type { TicketContext } from './ticket';
import type { MacroLookups } from './macros';
import { PROCEDURES, procedureMacro, ticketNumberIn, type ProcedureId } from './procedures';
import { catalogSuggestions } from './catalog';
import { financialPending } from './findings';
import { isOsTicket } from './saveGuard';
import { msg, type Message } from './message';
import { readText } from './reading';

/**
 * Where a procedure belongs on this ticket: `fits` (shown), `more` (behind "Mais", with a warning when
 * applying it here would be odd), or `hidden` (a finding already offers it as its one-click action).
 */
export interface ProcedureFit {
  id: ProcedureId;
  place: 'fits' | 'more' | 'hidden';
  warning?: Message;
}

const HARDWARE_WORDS = /\b(impressoras?|equipamentos?|hardware|bematech|pdvs?|balancas?|gavetas?|leitor(es)?|scanner|etiquetadora|ecf)\b/;

/** Whether the ticket's text asks for a position (the catalog rule that the position title matches). */
function asksPosition(context: TicketContext, settings: Settings): boolean {
  if (ticketNumberIn(context) !== null) return true;
  if (!settings.titlePositionRequest) return false;
  const titleRule = catalogSuggestions({ subject: settings.titlePositionRequest.replace('{n}', ''), description: '' }, settings.catalogRules, null)[0];
  if (!titleRule) return false;
  return catalogSuggestions({ subject: context.ticket.subject, description: context.ticket.description }, settings.catalogRules, null).some((suggestion) => suggestion.path === titleRule.path);
}

/**
 * Procedures in the order the agent meets them: those that fit this ticket first; the pending one only
 * with a financial pending (then the block offers it), otherwise behind "Mais" with a warning; while the
 * pending stands, the others are behind "Mais" with that warning (001 3.1: service does not continue).
 * While its macro could not be looked up (the look-up of its title setting failed: the macrosUnavailable
 * warning says so), a procedure cannot be applied: it goes behind "Mais" with that reason.
 */
export function procedureFits(context: TicketContext, settings: Settings, macros: MacroLookups = {}): ProcedureFit[] {
  // Only a known pending blocks (issue 17: 'unknown' is neither yes nor no).
  const pending = financialPending(context, settings) === 'yes';
  const organizationUnknown = context.unreadable.includes('organization');
  // Each text read once and kept (reading.ts): this runs on every keystroke, and the first comment may be 1 MB.
  const namesHardware = [context.ticket.subject, context.ticket.description].some((text) => readText(text).memo('fit.hardware', (reading) => HARDWARE_WORDS.test(reading.normalized)));
  return PROCEDURES.map((id): ProcedureFit => {
    if (id === 'registrationPending') {
      if (pending) return { id, place: 'hidden' };
      return { id, place: 'more', warning: msg(organizationUnknown ? 'fit.pendingUnknown' : 'fit.noPending') };
    }
    if (pending) return { id, place: 'more', warning: msg('fit.blockedByPending') };
    const setting = procedureMacro(id);
    if (setting && macros[setting]?.state === 'failed') return { id, place: 'more', warning: msg('fit.macrosUnavailable') };
    switch (id) {
      case 'closeWhatsapp':
      case 'transferN2':
        return { id, place: 'fits' };
      case 'positionRequest':
        return { id, place: asksPosition(context, settings) ? 'fits' : 'more' };
      case 'openOsBematech':
        if (isOsTicket(context, settings)) return { id, place: 'more', warning: msg('fit.alreadyOs') };
        return { id, place: namesHardware ? 'fits' : 'more' };
    }
  });
}
