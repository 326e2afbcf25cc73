// Requests addressed to the signed-in person (an alumnus, a volunteer): answer those waiting,
// see those agreed.
import { html, nothing } from 'lit';
import { api } from './api.js';
import './answer-form.js';
import { ApiScreen, announce, empty } from './components.js';
import { answeredSummary, requestSummary } from './request-view.js';
import { when } from './time.js';

class Requests extends ApiScreen {
  static source = '/api/interviews/me/requests';

  /**
   * Right after a first sign-in the link between the person and their alumni record may still be
   * on its way to the requests (an event): an empty list is read once more a moment later.
   */
  updated(changed) {
    super.updated?.(changed);
    if (changed.has('loaded') && this.loaded?.length === 0 && !this.again) {
      this.again = setTimeout(() => {
        api(Requests.source).then((requests) => (this.loaded = requests)).catch(() => {});
      }, 2000);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.again);
  }

  heading() {
    return html`<h1>Requests to me</h1>
      <p class="muted">Students ask for 20 to 30 minutes to learn about your work: not a job interview.</p>`;
  }

  content(requests) {
    const waiting = requests.filter((r) => r.awaitingAnswer);
    const others = requests.filter((r) => !r.awaitingAnswer);
    return html`<h2>Waiting for your answer</h2>
      ${waiting.length ? waiting.map((r) => this.request(r)) : empty('No request is waiting for you.')}
      <h2 class="gap-above-more">Answered</h2>
      ${others.length ? others.map((r) => this.request(r)) : empty('Nothing answered yet.')}`;
  }

  request(view) {
    return html`<article class="card gap-below" aria-labelledby="r-${view.interviewId}">
      <h3 id="r-${view.interviewId}">${view.from} of ${view.school}</h3>
      ${view.requestedAt ? html`<p class="muted">Asked ${when(view.requestedAt)}</p>` : nothing}
      ${requestSummary(view)}
      ${view.awaitingAnswer
        ? html`<ii-answer-form .view=${view}
            .send=${(body) =>
              api(`/api/interviews/me/requests/${encodeURIComponent(view.interviewId)}/answer`, {
                method: 'POST',
                body,
              })}
            @answered=${(e) => this.answered(e.detail)}></ii-answer-form>`
        : answeredSummary(view)}
    </article>`;
  }

  answered(view) {
    this.loaded = this.loaded.map((r) => (r.interviewId === view.interviewId ? view : r));
    announce(`Your answer was sent to ${view.from}.`);
  }
}

customElements.define('ii-requests', Requests);
