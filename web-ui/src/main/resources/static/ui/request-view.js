// A request as the person asked sees it: who asks, why, their words, and what was answered.
import { html, nothing } from 'lit';
import { label, mode } from './words.js';
import { when } from './time.js';

export function requestSummary(view) {
  return html`<p><strong>Why:</strong> ${view.purpose}${view.careerField ? html` (${label(view.careerField)})` : nothing}</p>
    ${view.message ? html`<blockquote class="card muted quote">${view.message}</blockquote>` : nothing}
    <p class="muted">An informational interview: a conversation about your work, not a job interview.</p>`;
}

export function answeredSummary(view) {
  const last = view.answers?.length ? view.answers[view.answers.length - 1] : null;
  if (view.appointment) {
    return html`<p>Agreed: <strong>${when(view.appointment.start)}</strong>, ${view.appointment.durationMinutes}
      minutes${view.appointment.mode ? `, ${mode(view.appointment.mode)}` : ''}.</p>
      <p class="muted">A calendar invitation comes by email.</p>`;
  }
  if (last?.kind === 'DECLINED') {
    return html`<p>You declined this request. Thank you for answering.</p>`;
  }
  if (last?.kind === 'PROPOSED') {
    return html`<p>You proposed other times; the student picks one and you get an invitation.</p>`;
  }
  return html`<p>This request is no longer waiting for an answer (${view.status.toLowerCase().replaceAll('_', ' ')}).</p>`;
}
