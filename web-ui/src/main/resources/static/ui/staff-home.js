// The career center's home: the latest alumni imports and how they went.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { ApiScreen, empty } from './components.js';
import { when, zoneName } from './time.js';

class StaffHome extends ApiScreen {
  static source = '/api/contacts/imports';
  static properties = { ...ApiScreen.properties, waiting: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    if (this.me.roles.includes('ADMIN')) {
      // what waits for an admin: counted up to a page (100 shown as "100 or more")
      const count = (path) => api(path).then((rows) => rows.length, () => null);
      Promise.all([
        count('/api/contacts/matches?status=OPEN&size=100'),
        count('/api/notifications/deliveries?status=FAILED&size=100'),
      ]).then(([duplicates, failed]) => (this.waiting = { duplicates, failed }));
    }
  }

  heading() {
    return html`<h1>Hello, ${this.me.displayName}</h1>
      ${this.waiting ? this.toLookAt(this.waiting) : nothing}
      <h2>Alumni imports</h2>
      ${this.me.roles.includes('ADMIN') ? html`<p><a href="/imports">Import a file</a></p>` : ''}
      <p class="muted">The latest 50, newest first; times in ${zoneName()}.</p>`;
  }

  toLookAt({ duplicates, failed }) {
    const many = (n) => (n === 100 ? '100 or more' : n);
    return html`<h2>To look at</h2>
      <ul class="card list gap-below">
        <li><a href="/duplicates">Possible duplicates</a>${duplicates === null ? nothing
          : duplicates ? html`: ${many(duplicates)} waiting for a decision` : ': none waiting'}</li>
        <li><a href="/messages">Messages that did not go</a>${failed === null ? nothing
          : failed ? html`: ${many(failed)} failed` : ': none failed'}</li>
        <li><a href="/career-fields">Career fields</a> and how imports file people under them</li>
        <li><a href="/organizations">Organizations</a>: the employers people are filed under</li>
        <li><a href="/alumni-sync">Alumni database sync</a>: the API, the schedule, a run now</li>
        <li><a href="/imports/profiles">Column profiles</a>: which column of an export fills which field</li>
        <li><a href="/audit">Audit log</a></li>
        <li><a href="/erasures">Erasure and retention</a>: a person erased on request; old records removed</li>
      </ul>`;
  }

  content(imports) {
    if (imports.length === 0) {
      return empty('No import yet.');
    }
    return html`<div class="table-wrap card">
      <table>
        <caption class="visually-hidden">Alumni imports</caption>
        <thead>
          <tr><th scope="col">File</th><th scope="col">Started</th><th scope="col">State</th>
            <th scope="col">Rows read</th><th scope="col">New</th><th scope="col">Updated</th>
            <th scope="col">Rows refused</th></tr>
        </thead>
        <tbody>
          ${imports.map(
            (job) => html`<tr>
              <td>${job.fileName}</td>
              <td>${when(job.startedAt || job.createdAt)}</td>
              <td><span class="badge ${badge(job.status)}">${job.status.toLowerCase()}</span>
                ${job.status === 'RUNNING' ? html`${job.progress.percent} %` : nothing}</td>
              <td>${job.progress.rowsRead} of ${job.progress.totalRows}</td>
              <td>${job.created}</td>
              <td>${job.updated}</td>
              <td>${job.failed + job.problems > 0
                ? html`<a href=${job.errorReport} download>${job.failed} (error report)</a>`
                : job.failed}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

function badge(status) {
  return { COMPLETED: 'ok', FAILED: 'bad', CANCELLED: 'warn' }[status] || '';
}

customElements.define('ii-staff-home', StaffHome);
