import { Notification } from '@zendeskgarden/react-notifications';
import type { Sentinela, SentinelaState } from '../app/sentinela';

/** What the app just did, from the calls that succeeded; successes close by themselves (state.ts). */
export function Notices({ state, sentinela }: { state: SentinelaState; sentinela: Sentinela }) {
  const t = state.translate;
  if (state.notices.length === 0) return null;
  return (
    <div className="notices" data-testid="notices">
      {state.notices.map((notice) => (
        <Notification key={notice.id} className="notice" type={notice.tone} role={notice.tone === 'error' ? 'alert' : 'status'} data-tone={notice.tone}>
          <Notification.Title>{t(notice.text)}</Notification.Title>
          {notice.details?.map((detail, index) => (
            <Notification.Paragraph key={index}>{t(detail)}</Notification.Paragraph>
          ))}
          <Notification.Close aria-label={t('ui.dismiss')} onClick={() => sentinela.dismissNotice(notice.id)} />
        </Notification>
      ))}
    </div>
  );
}
