import { useEffect } from 'react';
import type { SentinelaState } from '../app/sentinela';
import type { ProcedureId, Values } from '../domain/procedures';
import { MACRO_OF, planProcedure } from '../domain/procedures';
import { previewOf } from '../domain/preview';
import '../laterTexts';

/**
 * The one-line preview of a procedure before Apply: macro · title · status · fields · comment, from
 * its plan (the macro's own actions included), updated as the agent fills the form. The procedure's
 * macro is looked up when the preview first needs it (issue 16: by title, only when needed).
 */
export default function ProcedurePreview({ id, values, state, lookUpMacro }: { id: ProcedureId; values: Values; state: SentinelaState; lookUpMacro?: (setting: NonNullable<(typeof MACRO_OF)[ProcedureId]>) => void }) {
  const { context, settings, translate: t } = state;
  const setting = MACRO_OF[id];
  const titled = setting !== undefined && Boolean(settings[setting]);
  const lookup = setting ? state.macros[setting] : undefined;
  useEffect(() => {
    if (setting && titled && !lookup) lookUpMacro?.(setting);
  }, [setting, titled, lookup, lookUpMacro]);
  if (!context) return null;
  if (titled && (!lookup || lookup.state === 'idle' || lookup.state === 'loading')) {
    return (
      <p className="preview quiet" data-testid={`preview-${id}`}>
        {t('preview.loading')}
      </p>
    );
  }
  const failed = lookup?.state === 'failed';
  const macros = !titled ? [] : lookup?.state === 'done' ? lookup.value.candidates : failed ? [] : null;
  const plan = planProcedure(id, values, context, settings, macros);
  const problem = !plan.ok;
  const parts = problem && failed ? [{ key: 'finding.macrosUnavailable' }] : previewOf(plan, context, settings);
  return (
    <p className={problem ? 'preview problem' : 'preview'} data-testid={`preview-${id}`}>
      {parts.map((part) => t(part)).join(' · ')}
    </p>
  );
}
