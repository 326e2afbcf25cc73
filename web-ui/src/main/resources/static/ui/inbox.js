// The signed-in person's inbox: what the platform told them (answers to requests, reminders,
// import reports), newest first, the unread marked; read one or all. It follows the live stream
// the shell keeps open (the `ii-inbox` event), so a new entry appears without reloading.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { ApiScreen, announce, empty, problem } from './components.js';
import { when } from './time.js';

const SOURCE = '/api/notifications/me/inbox?size=50';

class Inbox extends ApiScreen {
  static source = SOURCE;
  static properties = { failed: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.onChange = (event) => {
      const newest = event.detail?.newest;
      if (newest && this.loaded && !this.loaded.some((entry) => entry.id === newest.id)) {
        api(SOURCE).then((entries) => (this.loaded = entries)).catch(() => {});
      }
    };
    window.addEventListener('ii-inbox', this.onChange);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('ii-inbox', this.onChange);
  }

  heading() {
    return html`<h1>Inbox</h1>
      <p class="muted">Answers to your requests, reminders and reports. Mail brings the same; choose
        what reaches you in <a href="/settings">Settings</a>.</p>`;
  }

  content(entries) {
    const unread = entries.filter((entry) => !entry.readAt).length;
    return html`${problem(this.failed)}
      ${unread
        ? html`<p><button type="button" class="secondary" @click=${() => this.readAll()}>
            Mark all ${unread} as read</button></p>`
        : nothing}
      ${entries.length
        ? html`<ul class="inbox">${entries.map((entry) => this.entry(entry))}</ul>`
        : empty('Nothing here yet. Answers to your requests and reminders will arrive here.')}`;
  }

  entry(entry) {
    const id = `e-${entry.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
    return html`<li class="card ${entry.readAt ? '' : 'unread'}" aria-labelledby=${id}>
      <h2 id=${id} class="entry-title">
        ${entry.readAt ? nothing : html`<span class="badge">New</span> `}${entry.title}
      </h2>
      <p class="muted">${when(entry.createdAt)}</p>
      <p class="entry-body">${entry.body}</p>
      ${entry.readAt
        ? nothing
        : html`<button type="button" class="link" @click=${() => this.read(entry)}>
            Mark “${entry.title}” as read</button>`}
    </li>`;
  }

  read(entry) {
    api(`/api/notifications/me/inbox/${encodeURIComponent(entry.id)}/read`, { method: 'POST' })
      .then((read) => {
        this.failed = null;
        this.loaded = this.loaded.map((each) => (each.id === read.id ? read : each));
      })
      .catch((error) => (this.failed = error));
  }

  readAll() {
    api('/api/notifications/me/inbox/read-all', { method: 'POST' })
      .then(() => api(SOURCE))
      .then((entries) => {
        this.failed = null;
        this.loaded = entries;
        announce('Everything is marked as read.');
      })
      .catch((error) => (this.failed = error));
  }
}

customElements.define('ii-inbox', Inbox);
