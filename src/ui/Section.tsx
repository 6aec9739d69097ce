import { Component, type ReactNode } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import type { Translate } from '../i18n';

interface Props {
  title: string;
  translate: Translate;
  children: ReactNode;
  testId: string;
  /** The title is for screen readers only (the content names itself, and height is scarce at 320 px). */
  hideTitle?: boolean;
}

/** A titled part of the sidebar; a render error in it stays in it, with a retry. */
export class Section extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    console.warn('Sentinela: a section failed to render', error);
  }

  render() {
    const { title, translate: t, children, testId, hideTitle } = this.props;
    return (
      <section aria-label={title} data-testid={testId} className="section">
        <h2 className={hideTitle ? 'visually-hidden' : 'section-title'}>{title}</h2>
        {this.state.failed ? (
          <div role="status">
            <p>{t('ui.sectionFailed')}</p>
            <Button size="small" onClick={() => this.setState({ failed: false })}>
              {t('ui.retry')}
            </Button>
          </div>
        ) : (
          children
        )}
      </section>
    );
  }
}
