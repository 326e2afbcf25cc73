// The page the request mail links to (/answer#<token>): opened without an account, the token in
// the link's fragment (never sent to a server in an address) is the only credential.
import { html, nothing } from 'lit';
import { ApiError, api } from './api.js';
import './answer-form.js';
import { LightElement, loading, problem } from './components.js';
import { requestSummary, answeredSummary } from './request-view.js';

export class AnswerPage extends LightElement {
  static properties = { view: { state: true }, error: { state: true }, done: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.token = decodeURIComponent(window.location.hash.slice(1));
    document.title = 'Answer a request · InfoInterview';
    if (!this.token) {
      this.error = new ApiError(404, {
        title: 'This page opens from your request email',
        detail: 'Open the link in the email that asked you for a conversation.',
      });
      return;
    }
    api(this.path(), { anonymous: true })
      .then((view) => (this.view = view))
      .catch((error) => (this.error = error));
  }

  path() {
    return `/api/interviews/answers/${encodeURIComponent(this.token)}`;
  }

  render() {
    return html`<header class="bar"><span class="brand">InfoInterview</span></header>
      <main id="main" class="page" tabindex="-1">
        <h1>A request for a conversation</h1>
        ${problem(this.error)}
        ${!this.view && !this.error ? loading() : nothing}
        ${this.view ? this.content(this.view) : nothing}
      </main>`;
  }

  content(view) {
    return html`<section class="card" aria-labelledby="request-heading">
        <h2 id="request-heading">${view.from} of ${view.school} asks for 20 to 30 minutes</h2>
        ${requestSummary(view)}
      </section>
      <section class="card gap-above" aria-labelledby="answer-heading">
        <h2 id="answer-heading">${view.awaitingAnswer ? 'Your answer' : 'Answered'}</h2>
        ${this.done ? html`<div class="notice ok" role="status">Thank you: your answer was sent to ${view.from}.</div>` : nothing}
        ${view.awaitingAnswer
          ? html`<ii-answer-form .view=${view}
              .send=${(body) => api(this.path(), { method: 'POST', body, anonymous: true })}
              @answered=${(e) => {
                this.view = e.detail;
                this.done = true;
              }}></ii-answer-form>`
          : answeredSummary(view)}
      </section>`;
  }
}

customElements.define('ii-answer-page', AnswerPage);
