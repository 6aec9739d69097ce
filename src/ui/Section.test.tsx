// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { Section } from './Section';
import { createTranslate, DEFAULT_DICTIONARY } from '../i18n';

const t = createTranslate(DEFAULT_DICTIONARY);
let fail = true;
function Fragile() {
  if (fail) throw new Error('render failed');
  return <p>conteúdo</p>;
}

describe('Section', () => {
  it('contains a render error, says so, and renders again on retry', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // React's development build re-dispatches the error as a window "error" event; this one is intended.
    const intended = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener('error', intended);
    render(
      <ThemeProvider>
        <Section title="A" translate={t} testId="a">
          <Fragile />
        </Section>
        <Section title="B" translate={t} testId="b">
          <p>vizinho</p>
        </Section>
      </ThemeProvider>,
    );
    expect(screen.getByText('Esta parte não pôde ser exibida.')).toBeTruthy();
    expect(screen.getByText('vizinho')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Tentar de novo' }));
    expect(screen.getByText('conteúdo')).toBeTruthy();
    window.removeEventListener('error', intended);
    quiet.mockRestore();
    warn.mockRestore();
  });
});
