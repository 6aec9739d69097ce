import type { Scenario } from './scenario';
import { htmlAsText, textAsHtml } from './richText';
import { ZendeskAccount, type RestAnswer } from './rest/account';
import { planBackstop, type BackstopPlan } from '../scripts/backstop/requirements';
import { ruleTicket, runTriggers, updateProblem, type RestTicketUpdate, type RuleTicket } from './backstop';
import { isSidebarEvent } from './zafEvents';

/**
 * Zendesk's side of one ticket, from a scenario: answers ZAF paths with the shapes of the ZAF Support
 * API, applies set/invoke as Zendesk would (firing the *.changed events); its `account` answers /api/v2
 * from the same objects (harness/rest/account.ts). The harness's fake client and the protocol test host
 * both run on it.
 */
export type EventListener = (name: string, data: unknown) => void;

type User = Scenario['users'][number];

export class ZafPathError extends Error {
  constructor(path: string) {
    super(`"${path}" is not a valid path`);
    this.name = 'ZafPathError';
  }
}

/** What an admin's installation sends in metadata().settings (harness/rest/setup.ts). */
import { installationSettings } from './rest/setup';
export { installationSettings };

export class TicketModel {
  readonly scenario: Scenario;
  private listeners = new Set<EventListener>();
  /** The account's REST side (/api/v2), over the same objects. */
  readonly account: ZendeskAccount;
  /** Event faults for tests: events held back (late) until released, and events never sent (missing). */
  private heldEvents = new Set<string>();
  private droppedEvents = new Set<string>();
  private queuedEvents: [string, unknown][] = [];

  /** The ticket as Zendesk has it stored: what the last update left (triggers compare with it). */
  private stored: RuleTicket;
  private backstopPlan: BackstopPlan | null = null;

  /** The composer is rich text (ZAF `ticket.comment.useRichText`): `scenario.draft.html` then holds its HTML. */
  readonly richText: boolean;

  constructor(scenario: Scenario) {
    this.scenario = structuredClone(scenario);
    this.account = new ZendeskAccount(this.scenario);
    this.stored = ruleTicket(this.scenario.ticket);
    // A rich draft is kept as its HTML (draft.html, text ''): the same model again (a reopened ticket) reads the same.
    const { draft } = this.scenario;
    this.richText = draft.richText ?? draft.html !== undefined;
    if (this.richText && draft.html === undefined) [draft.html, draft.text] = [textAsHtml(draft.text), ''];
  }

  /** What the composer holds, as ZAF's ticket.comment.text answers it (HTML in a rich-text composer). */
  get composerText(): string {
    return this.richText ? (this.scenario.draft.html ?? '') : this.scenario.draft.text;
  }

  private set composerText(value: string) {
    if (this.richText) this.scenario.draft.html = value;
    else this.scenario.draft.text = value;
  }

  /** The backstop the app would ship for this scenario's settings and fields (requirements.json). */
  get backstop(): BackstopPlan {
    this.backstopPlan ??= planBackstop(installationSettings(this.scenario), this.scenario.ticket_fields, this.scenario.ticket_forms.length > 0 ? this.scenario.ticket_forms : null);
    return this.backstopPlan;
  }

  get ticket() {
    return this.scenario.ticket;
  }

  onEvent(listener: EventListener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends an event as Zendesk sends it to a ticket_sidebar app: only those Zendesk sends (harness/zafEvents.ts). */
  private emit(name: string, data: unknown) {
    if (!isSidebarEvent(name)) throw new Error(`the stand-in was about to send "${name}", which Zendesk does not send to a ticket_sidebar app`);
    if (this.droppedEvents.has(name)) return;
    if (this.heldEvents.has(name)) return void this.queuedEvents.push([name, data]);
    for (const listener of this.listeners) listener(name, data);
  }

  /** From now on these events arrive late: only when releaseEvents() is called. */
  holdEvents(names: readonly string[]) {
    for (const name of names) this.heldEvents.add(name);
  }

  /** From now on these events never arrive. */
  dropEvents(names: readonly string[]) {
    for (const name of names) this.droppedEvents.add(name);
  }

  /** Sends the events held back, in their order, and stops holding them. */
  releaseEvents() {
    this.heldEvents.clear();
    for (const [name, data] of this.queuedEvents.splice(0)) this.emit(name, data);
  }

  private user(id: number | null | undefined): User | null {
    return this.scenario.users.find((user) => user.id === id) ?? null;
  }

  private zafUser(user: User | null) {
    return user ? { id: user.id, name: user.name, email: user.email ?? null, phone: user.phone ?? null, role: 'end-user' } : null;
  }

  private zafOrganization() {
    const organization = this.scenario.organizations.find((org) => org.id === this.ticket.organization_id);
    return organization ? { id: organization.id, name: organization.name, organizationFields: { ...organization.organization_fields } } : null;
  }

  private customField(id: number) {
    return this.ticket.custom_fields.find((field) => field.id === id);
  }

  private fieldKnown(id: number) {
    return Boolean(this.customField(id)) || this.scenario.ticket_fields.some((field) => field.id === id);
  }

  private readPath(path: string): unknown {
    const custom = /^ticket\.customField:custom_field_(\d+)$/.exec(path);
    if (custom) {
      const id = Number(custom[1]);
      if (!this.fieldKnown(id)) throw new ZafPathError(path);
      return this.customField(id)?.value ?? null;
    }
    const definition = /^ticketFields:custom_field_(\d+)$/.exec(path);
    if (definition) {
      const field = this.scenario.ticket_fields.find((candidate) => candidate.id === Number(definition[1]));
      if (!field) throw new ZafPathError(path);
      return { name: `custom_field_${field.id}`, label: field.title, type: field.type, optionValues: (field.custom_field_options ?? []).map((option) => ({ name: option.name, value: option.value })) };
    }
    const { ticket } = this;
    switch (path) {
      case 'ticket.id':
        return ticket.id;
      case 'ticket.status':
        return ticket.status;
      case 'ticket.subject':
        return ticket.subject;
      case 'ticket.description':
        return ticket.description ?? this.scenario.comments[0]?.body ?? '';
      case 'ticket.type':
        return ticket.type ?? null;
      case 'ticket.form':
        return ticket.ticket_form_id ? { id: ticket.ticket_form_id } : null;
      case 'ticket.requester':
        return this.zafUser(this.user(ticket.requester_id));
      case 'ticket.organization':
        return this.zafOrganization();
      case 'ticket.collaborators':
        return ticket.collaborator_ids.map((id) => this.zafUser(this.user(id)));
      // The composer is read as `ticket.comment.*` (Zendesk's own Answer Suggestion app reads
      // 'ticket.comment.useRichText') and as `comment.*` (apps read 'comment.useRichText' and invoke
      // 'comment.appendText' / 'comment.appendHtml'): both answer the same composer.
      case 'ticket.comment.text':
      case 'comment.text':
        return this.composerText;
      case 'ticket.comment.type':
      case 'comment.type':
        return this.scenario.draft.type;
      case 'ticket.tags':
        return [...ticket.tags];
      case 'ticket.comment.useRichText':
      case 'comment.useRichText':
        return this.richText;
      case 'ticket.updatedAt':
        return typeof ticket.updated_at === 'string' ? ticket.updated_at : null;
      case 'currentUser.locale':
        return this.scenario.currentUser.locale;
      case 'currentUser.role':
        return this.scenario.currentUser.role;
      case 'currentUser':
        return { id: this.scenario.currentUser.id, name: this.scenario.currentUser.name, locale: this.scenario.currentUser.locale, role: this.scenario.currentUser.role };
      default:
        throw new ZafPathError(path);
    }
  }

  /** A batched get: values by path, and an `errors` map for the paths it cannot read. */
  get(paths: readonly string[]): Record<string, unknown> & { errors: Record<string, { message: string }> } {
    const answer: Record<string, unknown> & { errors: Record<string, { message: string }> } = { errors: {} };
    for (const path of paths) {
      try {
        if (this.scenario.faults.unreadablePaths.includes(path)) throw new ZafPathError(path);
        answer[path] = this.readPath(path);
      } catch (error) {
        answer.errors[path] = { message: error instanceof Error ? error.message : String(error) };
      }
    }
    return answer;
  }

  private failIfConfigured(name: string) {
    if (this.scenario.faults.failingActions.includes(name)) throw new Error(`${name} failed (injected fault)`);
  }

  private setRequester(target: unknown) {
    const wanted = (target ?? {}) as { id?: number; email?: string };
    let user = this.scenario.users.find((candidate) => (wanted.id !== undefined && candidate.id === wanted.id) || (wanted.email !== undefined && candidate.email === wanted.email)) ?? null;
    if (!user && wanted.email) {
      user = { id: Math.max(0, ...this.scenario.users.map((u) => u.id)) + 1, name: wanted.email, email: wanted.email, organization_id: null };
      this.scenario.users.push(user);
    }
    if (!user) throw new Error('ticket.requester: no such user');
    const organizationBefore = this.ticket.organization_id ?? null;
    this.ticket.requester_id = user.id;
    // The organization follows the requester; Zendesk documents no organization change event.
    if (user.organization_id && user.organization_id !== organizationBefore) this.ticket.organization_id = user.organization_id;
    this.emit('ticket.requester.id.changed', user.id);
    this.emit('ticket.requester.email.changed', user.email ?? null);
  }

  /** client.set(path, value), as the agent's edits would be applied. */
  set(path: string, value: unknown) {
    this.failIfConfigured(path);
    const custom = /^ticket\.customField:custom_field_(\d+)$/.exec(path);
    if (custom) {
      const id = Number(custom[1]);
      if (!this.fieldKnown(id)) throw new ZafPathError(path);
      const field = this.customField(id);
      if (field) field.value = value;
      else this.ticket.custom_fields.push({ id, value });
      this.emit(`ticket.custom_field_${id}.changed`, value);
      return;
    }
    switch (path) {
      case 'ticket.subject':
      case 'ticket.status':
      case 'ticket.type': {
        const key = path.slice('ticket.'.length) as 'subject' | 'status' | 'type';
        (this.ticket as Record<string, unknown>)[key] = value;
        this.emit(`${path}.changed`, value);
        return;
      }
      case 'ticket.form': {
        const id = Number((value as { id?: unknown } | null)?.id ?? value);
        this.ticket.ticket_form_id = id;
        this.emit('ticket.form.id.changed', id);
        return;
      }
      case 'ticket.requester':
        this.setRequester(value);
        return;
      case 'ticket.comment.text':
      case 'comment.text':
        this.composerText = String(value ?? '');
        this.emit('comment.text.changed', this.composerText);
        return;
      case 'ticket.comment.type':
      case 'comment.type':
        this.scenario.draft.type = value === 'internalNote' ? 'internalNote' : 'publicReply';
        this.emit('comment.type.changed', this.scenario.draft.type);
        return;
      default:
        throw new ZafPathError(path);
    }
  }

  /** client.invoke(name, ...args). */
  invoke(name: string, args: unknown[]) {
    this.failIfConfigured(name);
    switch (name) {
      case 'macro': {
        const macro = this.scenario.macros.find((candidate) => candidate.id === Number(args[0]));
        if (!macro) throw new Error(`macro ${String(args[0])} not found`);
        for (const action of macro.actions) {
          if (action.field === 'subject') this.set('ticket.subject', action.value);
          else if (action.field === 'status') this.set('ticket.status', action.value);
          else if (action.field === 'comment_value' || action.field === 'comment_value_html') this.invoke('ticket.comment.appendText', [String(action.value)]);
          else if (action.field === 'comment_mode_is_public') this.set('ticket.comment.type', action.value === false || action.value === 'false' ? 'internalNote' : 'publicReply');
          else if (/^custom_fields_\d+$/.test(action.field)) this.set(`ticket.customField:custom_field_${action.field.slice(14)}`, action.value);
        }
        return;
      }
      // Into a rich-text composer, appended text becomes paragraphs of escaped text (what typing it would
      // give; apps that mean markup check useRichText and call appendHtml); into a plain one, appended
      // HTML arrives as its text. Both as Zendesk's composer is seen to behave, not as documented: the
      // reference section on the comment actions could not be read (docs/zendesk-facts §5).
      case 'ticket.comment.appendText':
      case 'comment.appendText':
        this.appendToComposer(this.richText ? textAsHtml(String(args[0] ?? '')) : String(args[0] ?? ''));
        return;
      case 'ticket.comment.appendHtml':
      case 'comment.appendHtml':
        this.appendToComposer(this.richText ? String(args[0] ?? '') : htmlAsText(String(args[0] ?? '')));
        return;
      case 'ticket.collaborators.add': {
        const wanted = (args[0] ?? {}) as { id?: number; email?: string };
        const user = this.scenario.users.find((candidate) => candidate.id === wanted.id || (wanted.email !== undefined && candidate.email === wanted.email));
        if (!user) throw new Error('ticket.collaborators.add: no such user');
        if (!this.ticket.collaborator_ids.includes(user.id)) this.ticket.collaborator_ids.push(user.id);
        this.emit('ticket.collaborators.changed', this.ticket.collaborator_ids);
        return;
      }
      case 'resize':
        return;
      default:
        throw new Error(`invoke "${name}" is not supported`);
    }
  }

  private appendToComposer(content: string) {
    this.composerText += content;
    this.emit('comment.text.changed', this.composerText);
  }

  /**
   * What Zendesk does after a save that no hook refused: the submit events around the stored update, the
   * draft becomes a comment (REST: body, html_body, plain_body). Never `ticket.saved`: Zendesk sends it to
   * background apps only (https://developer.zendesk.com/api-reference/apps/apps-support-api/background/).
   */
  commitSave() {
    this.emit('ticket.submit.start', undefined);
    const composed = this.composerText;
    const plain = this.richText ? htmlAsText(composed) : composed;
    if (plain.trim() !== '') {
      const html = this.richText ? composed : textAsHtml(composed);
      this.scenario.comments.push({ id: this.scenario.comments.length + 1000, public: this.scenario.draft.type === 'publicReply', body: plain, html_body: html, plain_body: plain });
      this.composerText = '';
      this.emit('comment.text.changed', '');
    }
    // Zendesk stamps every update: what the app caches a ticket's comments by.
    (this.ticket as Record<string, unknown>).updated_at = new Date().toISOString();
    // Zendesk runs its triggers on the saved ticket before answering the save; the open ticket then
    // shows what they changed.
    this.runBusinessRules(true);
    this.emit('ticket.submit.done', undefined);
    this.emit('ticket.submit.always', undefined);
  }

  /** Runs the backstop's triggers on the update from the stored ticket to this one, and stores the result. */
  private runBusinessRules(announce: boolean): string[] {
    const triggers = Object.values(this.backstop.requirements?.triggers ?? {});
    const { ticket, fired } = runTriggers(triggers, this.stored, ruleTicket(this.ticket));
    if (ticket.status !== this.ticket.status) {
      this.ticket.status = ticket.status as Scenario['ticket']['status'];
      if (announce) this.emit('ticket.status.changed', ticket.status);
    }
    if (ticket.tags.join(' ') !== this.ticket.tags.join(' ')) {
      this.ticket.tags = ticket.tags;
      if (announce) this.emit('ticket.tags.changed', [...ticket.tags]);
    }
    for (const field of ticket.custom_fields) {
      const mine = this.customField(field.id);
      if (mine && JSON.stringify(mine.value) === JSON.stringify(field.value)) continue;
      if (mine) mine.value = field.value;
      else this.ticket.custom_fields.push({ id: field.id, value: field.value });
      if (announce) this.emit(`ticket.custom_field_${field.id}.changed`, field.value);
    }
    this.ticket.ticket_form_id = ticket.ticket_form_id;
    this.stored = ruleTicket(this.ticket);
    this.account.storeTicket(this.ticket);
    return fired;
  }

  /**
   * An update that meets no ticket.save hook (the REST API, a bulk edit from a view, the mobile app, an
   * agent whose sidebar did not load): applied to the stored ticket, then Zendesk's triggers run on it.
   * No event reaches an open sidebar; the next time the ticket is opened it reads the result.
   * Throws (as Zendesk answers 422) on an update Zendesk would refuse. Returns the triggers that fired.
   */
  apiUpdate(update: RestTicketUpdate): { fired: string[]; ticket: Scenario['ticket'] } {
    const problem = updateProblem(this.stored, update);
    if (problem) throw new Error(`422: ${problem}`);
    const { ticket } = this;
    if (update.status !== undefined) ticket.status = update.status as Scenario['ticket']['status'];
    if (update.ticket_form_id !== undefined) ticket.ticket_form_id = update.ticket_form_id;
    if (update.type !== undefined) ticket.type = update.type;
    if (update.subject !== undefined) ticket.subject = update.subject;
    for (const field of update.custom_fields ?? []) {
      const mine = this.customField(field.id);
      if (mine) mine.value = field.value;
      else ticket.custom_fields.push({ id: field.id, value: field.value });
    }
    if (update.tags) ticket.tags = [...new Set(update.tags)];
    if (update.additional_tags) ticket.tags = [...new Set([...ticket.tags, ...update.additional_tags])];
    if (update.remove_tags) ticket.tags = ticket.tags.filter((tag) => !update.remove_tags!.includes(tag));
    if (update.comment) this.scenario.comments.push({ id: this.scenario.comments.length + 1000, public: update.comment.public ?? true, body: update.comment.body });
    const fired = this.runBusinessRules(false);
    return { fired, ticket: structuredClone(ticket) };
  }

  /** The app's installation, as the account stores it: settings now, and every update written to it. */
  get installation() {
    return this.account.installation;
  }

  /** /api/v2, answered by the account (with its injected faults). `body`: the request's, as text. */
  rest(method: string, url: string, body: string | null = null): RestAnswer {
    return this.account.request(method, url, body);
  }
}
