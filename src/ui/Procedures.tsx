import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Textarea } from '@zendeskgarden/react-forms';
import type { ApplyOutcome, Sentinela, SentinelaState } from '../app/sentinela';
import type { InputName, ProcedureId } from '../domain/procedures';
import { PROCEDURES, procedureInputs } from '../domain/procedures';

type Values = Partial<Record<InputName, string>>;

function ProcedureForm({ id, sentinela, state, onDone }: { id: ProcedureId; sentinela: Sentinela; state: SentinelaState; onDone: () => void }) {
  const t = state.translate;
  const inputs = state.context ? procedureInputs(id, state.context) : [];
  const [values, setValues] = useState<Values>(() => Object.fromEntries(inputs.map((input) => [input.name, input.initial])));
  const [outcome, setOutcome] = useState<ApplyOutcome | null>(null);

  const apply = async (confirmed: boolean) => {
    const result = await sentinela.applyProcedure(id, values, confirmed);
    if (result.status === 'busy') return;
    setOutcome(result);
    if (result.status === 'applied') onDone();
  };
  const invalid = outcome?.status === 'invalid' ? outcome.invalid ?? {} : {};

  return (
    <form
      className="procedure-form"
      data-testid={`procedure-form-${id}`}
      onSubmit={(event) => {
        event.preventDefault();
        void apply(false);
      }}
    >
      {inputs.map((input) => (
        <Field key={input.name}>
          <Field.Label>
            {t(`input.${input.name}`)}
            {input.required ? ' *' : ''}
          </Field.Label>
          {input.multiline ? (
            <Textarea name={input.name} value={values[input.name] ?? ''} validation={invalid[input.name] ? 'error' : undefined} onChange={(event) => setValues({ ...values, [input.name]: event.target.value })} />
          ) : (
            <Input name={input.name} value={values[input.name] ?? ''} validation={invalid[input.name] ? 'error' : undefined} onChange={(event) => setValues({ ...values, [input.name]: event.target.value })} />
          )}
          {invalid[input.name] ? <Field.Message validation="error">{t(invalid[input.name]!)}</Field.Message> : null}
        </Field>
      ))}
      {outcome?.status === 'invalid' && !outcome.invalid ? (
        <div role="alert" className="problems">
          {outcome.problems.map((problem, index) => (
            <p key={index}>{t(problem)}</p>
          ))}
        </div>
      ) : null}
      {outcome?.status === 'confirm' ? (
        <div role="alertdialog" aria-label={t('ui.confirmTitle')} className="confirm" data-testid="confirm-replace">
          <p>{t('ui.confirmTitle')}</p>
          <ul>
            {outcome.replaces.map((replacement, index) => (
              <li key={index}>
                {t(replacement.what)}: “{replacement.current.length > 80 ? `${replacement.current.slice(0, 80)}…` : replacement.current}”
              </li>
            ))}
          </ul>
          <Button size="small" isDanger onClick={() => void apply(true)} disabled={state.busy !== null}>
            {t('ui.confirmReplace')}
          </Button>{' '}
          <Button size="small" isBasic onClick={() => setOutcome(null)}>
            {t('ui.cancel')}
          </Button>
        </div>
      ) : (
        <div className="actions">
          <Button size="small" isPrimary type="submit" disabled={state.busy !== null}>
            {t('ui.apply')}
          </Button>{' '}
          <Button size="small" isBasic onClick={onDone}>
            {t('ui.cancel')}
          </Button>
        </div>
      )}
    </form>
  );
}

/** The procedures of 001/002, each a macro and a title in one click. */
export default function Procedures({ sentinela, state }: { sentinela: Sentinela; state: SentinelaState }) {
  const [open, setOpen] = useState<ProcedureId | null>(null);
  const t = state.translate;
  return (
    <ul className="procedures" data-testid="procedures">
      {PROCEDURES.map((id) => (
        <li key={id} data-procedure={id}>
          <Button size="small" isStretched isPrimary={open === id} aria-expanded={open === id} onClick={() => setOpen(open === id ? null : id)}>
            {t(`procedure.${id}.name`)}
          </Button>
          {open === id ? <ProcedureForm id={id} sentinela={sentinela} state={state} onDone={() => setOpen(null)} /> : null}
        </li>
      ))}
    </ul>
  );
}
