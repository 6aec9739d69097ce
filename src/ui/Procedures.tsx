import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Textarea } from '@zendeskgarden/react-forms';
import type { ApplyOutcome, Sentinela, SentinelaState } from '../app/sentinela';
import type { InputName, ProcedureId, Values } from '../domain/procedures';
import type { Loss } from '../domain/overwrite';
import type { Message } from '../domain/message';
import { procedureInputs } from '../domain/procedures';
import { isDestructive } from '../domain/overwrite';
import { procedureFits, type ProcedureFit } from '../domain/fit';
import { targetLabel, valueLabel } from '../domain/preview';
import { procedureKey, type DoneRecord } from '../app/state';
import ProcedurePreview from './ProcedurePreview';
import '../laterTexts';

const quote = (text: string | null) => (text === null ? '' : text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** One line of the question: what goes, what stays, in the agent's words. */
function lossMessage(loss: Loss, state: SentinelaState): Message {
  const { context, settings } = state;
  const what = targetLabel(loss.target, settings);
  const next = loss.next === undefined || !context ? '' : valueLabel(loss.target, loss.next, context);
  const current = quote(loss.current);
  switch (loss.kind) {
    case 'replaced':
      return { key: 'loss.replaced', params: { what, current, next } };
    case 'appended':
      return { key: loss.by === 'macro' ? 'loss.appended.macro' : 'loss.appended.app', params: { current } };
    case 'madeInternal':
      return { key: 'loss.madeInternal', params: { current } };
    case 'madePublic':
      return { key: 'loss.madePublic', params: { current } };
    case 'unreadable':
      return loss.target === 'draft' ? { key: 'loss.unreadableDraft' } : { key: 'loss.unreadable', params: { what, next } };
    case 'macroUnknown':
      return { key: 'loss.macroUnknown', params: { what, current } };
  }
}

/** A question's two answers: go ahead (a danger button when something is lost), or cancel. */
function Answers({ yes, danger, state, onYes, onCancel }: { yes: string; danger: boolean; state: SentinelaState; onYes: () => void; onCancel: () => void }) {
  return (
    <div className="actions">
      <Button size="small" isDanger={danger} isPrimary={!danger} onClick={onYes} disabled={state.busy !== null}>
        {yes}
      </Button>
      <Button size="small" isBasic onClick={onCancel}>
        {state.translate('ui.cancel')}
      </Button>
    </div>
  );
}

/** The question before applying: what goes and what stays; a danger button only when something is replaced. */
export function Question({ losses, state, onAnswer, onCancel }: { losses: Loss[]; state: SentinelaState; onAnswer: () => void; onCancel: () => void }) {
  const t = state.translate;
  const destructive = losses.some(isDestructive);
  return (
    <div role="alertdialog" aria-label={t('ui.confirmTitle')} className={destructive ? 'confirm destructive' : 'confirm'} data-testid="confirm-replace">
      <p>{t('ui.confirmTitle')}</p>
      <ul>
        {losses.map((loss, index) => (
          <li key={index} data-loss={`${loss.target}:${loss.kind}`}>
            {t(lossMessage(loss, state))}
          </li>
        ))}
      </ul>
      <Answers yes={destructive ? t('ui.confirmReplace') : t('ui.confirmKeep')} danger={destructive} state={state} onYes={onAnswer} onCancel={onCancel} />
    </div>
  );
}

/** Already applied on this ticket: what was done and when, then "apply again" only on an explicit answer. */
function RepeatQuestion({ applied, state, onAgain, onCancel }: { applied: DoneRecord; state: SentinelaState; onAgain: () => void; onCancel: () => void }) {
  const t = state.translate;
  const time = new Intl.DateTimeFormat(t('ui.lang'), { hour: '2-digit', minute: '2-digit' }).format(applied.at);
  return (
    <div role="alertdialog" aria-label={t('ui.repeatTitle', { time })} className="confirm" data-testid="confirm-repeat">
      <p>{t('ui.repeatTitle', { time })}</p>
      <ul>
        {applied.done.map((message, index) => (
          <li key={index}>{t(message)}</li>
        ))}
      </ul>
      <p>{t('ui.repeatNote')}</p>
      <Answers yes={t('ui.applyAgain')} danger={false} state={state} onYes={onAgain} onCancel={onCancel} />
    </div>
  );
}

function ProcedureForm({ fit, sentinela, state, onClose }: { fit: ProcedureFit; sentinela: Sentinela; state: SentinelaState; onClose: () => void }) {
  const { id } = fit;
  const t = state.translate;
  const inputs = state.context ? procedureInputs(id, state.context) : [];
  const [values, setValues] = useState<Values>(() => Object.fromEntries(inputs.map((input) => [input.name, input.initial])));
  const [outcome, setOutcome] = useState<ApplyOutcome | null>(null);
  /** The earlier application the agent chose to repeat (its `at`), once they answered "apply again". */
  const [again, setAgain] = useState<number | undefined>(undefined);

  const apply = async (asked: Loss[] | null, repeat = again) => {
    const result = await sentinela.applyProcedure(id, values, asked, { again: repeat });
    if (result.status === 'busy') return;
    setOutcome(result);
    if (result.status === 'applied' || result.status === 'nothing') onClose();
  };
  const invalid = outcome?.status === 'invalid' ? (outcome.invalid ?? {}) : {};
  const setValue = (name: InputName, value: string) => {
    setValues({ ...values, [name]: value });
    if (outcome?.status === 'confirm') setOutcome(null);
  };

  return (
    <form
      className="procedure-form"
      data-testid={`procedure-form-${id}`}
      onSubmit={(event) => {
        event.preventDefault();
        void apply(null);
      }}
    >
      {fit.warning ? (
        <p className="warn-line" role="status">
          {t(fit.warning)}
        </p>
      ) : null}
      {inputs.map((input) => (
        <Field key={input.name}>
          <Field.Label>
            {t(`input.${input.name}`)}
            {input.required ? ' *' : ''}
          </Field.Label>
          {input.multiline ? (
            <Textarea name={input.name} rows={2} value={values[input.name] ?? ''} validation={invalid[input.name] ? 'error' : undefined} onChange={(event) => setValue(input.name, event.target.value)} />
          ) : (
            <Input name={input.name} value={values[input.name] ?? ''} validation={invalid[input.name] ? 'error' : undefined} onChange={(event) => setValue(input.name, event.target.value)} />
          )}
          {invalid[input.name] ? <Field.Message validation="error">{t(invalid[input.name]!)}</Field.Message> : null}
        </Field>
      ))}
      <ProcedurePreview id={id} values={values} state={state} lookUpMacro={sentinela.lookUpMacro} />
      {outcome?.status === 'invalid' && !outcome.invalid ? (
        <div role="alert" className="problems">
          {outcome.problems.map((problem, index) => (
            <p key={index}>{t(problem)}</p>
          ))}
        </div>
      ) : null}
      {outcome?.status === 'confirm' ? (
        <Question losses={outcome.losses} state={state} onAnswer={() => void apply(outcome.losses)} onCancel={() => setOutcome(null)} />
      ) : outcome?.status === 'repeat' ? (
        <RepeatQuestion
          applied={outcome.applied}
          state={state}
          onAgain={() => {
            setAgain(outcome.applied.at);
            void apply(null, outcome.applied.at);
          }}
          onCancel={() => setOutcome(null)}
        />
      ) : (
        <div className="actions">
          <Button size="small" isPrimary type="submit" disabled={state.busy !== null}>
            {t('ui.apply')}
          </Button>
          <Button size="small" isBasic onClick={onClose}>
            {t('ui.cancel')}
          </Button>
        </div>
      )}
    </form>
  );
}

function ProcedureItem({ fit, open, onToggle, sentinela, state }: { fit: ProcedureFit; open: boolean; onToggle: () => void; sentinela: Sentinela; state: SentinelaState }) {
  const t = state.translate;
  const done = state.done[procedureKey(fit.id)];
  return (
    <li data-procedure={fit.id} data-place={fit.place}>
      <Button size="small" isStretched isPrimary={open} aria-expanded={open} onClick={onToggle}>
        {done ? `✓ ${t(`procedure.${fit.id}.name`)}` : t(`procedure.${fit.id}.name`)}
      </Button>
      {open ? <ProcedureForm fit={fit} sentinela={sentinela} state={state} onClose={onToggle} /> : null}
    </li>
  );
}

/** The procedures of 001/002: those that fit this ticket, the others behind "Mais". */
export default function Procedures({ sentinela, state }: { sentinela: Sentinela; state: SentinelaState }) {
  const [open, setOpen] = useState<ProcedureId | null>(null);
  const [more, setMore] = useState(false);
  const t = state.translate;
  if (!state.context) return null;
  const fits = procedureFits(state.context, state.settings, state.macros);
  const shown = fits.filter((fit) => fit.place === 'fits');
  const others = fits.filter((fit) => fit.place === 'more');
  const item = (fit: ProcedureFit) => <ProcedureItem key={fit.id} fit={fit} open={open === fit.id} onToggle={() => setOpen(open === fit.id ? null : fit.id)} sentinela={sentinela} state={state} />;
  return (
    <div data-testid="procedures">
      <ul className="procedures">{shown.map(item)}</ul>
      {others.length > 0 ? (
        <>
          <Button size="small" isBasic aria-expanded={more || others.some((fit) => fit.id === open)} onClick={() => setMore(!more)} data-testid="procedures-more">
            {more ? t('ui.less') : shown.length === 0 ? t('ui.moreProcedures', { count: others.length }) : t('ui.more', { count: others.length })}
          </Button>
          {more || others.some((fit) => fit.id === open) ? <ul className="procedures more">{others.map(item)}</ul> : null}
        </>
      ) : null}
    </div>
  );
}
