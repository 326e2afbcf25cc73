// The audit log, for admins: who did what to whose data, when and why, as each service keeps it
// (append-only: nothing here changes it). Filtered by who acted, whose data, what and when.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { PagedList, describedBy, empty, field, problem } from './components.js';
import { when, zoneName } from './time.js';
import { label } from './words.js';
const SERVICES = {
  contacts: 'Contacts, imports and consent',
  interviews: 'Interviews and requests',
  notifications: 'Messages and deliveries',
};
/** The filters, each a query parameter of the services' GET /audit. */
const FILTERS = [
  ['actorId', 'Who acted', 'Their account id'],
  ['subjectId', 'Whose data', 'The person\u2019s account or contact id'],
  ['action', 'What', 'An action such as CONSENT_CHANGED'],
  ['resourceId', 'Which record', 'A contact, import or message id'],
];

class AuditLog extends PagedList {
  constructor() {
    super();
    this.query = { service: 'contacts' };
  }

  fetchPage(page) {
    const params = new URLSearchParams({ page, size: AuditLog.pageSize });
    for (const [name] of FILTERS) {
      if (this.query[name]) params.set(name, this.query[name]);
    }
    for (const name of ['from', 'to']) {
      // a day in the viewer's zone: from its first moment, to its last
      if (this.query[name]) {
        const day = new Date(`${this.query[name]}T00:00:00`);
        if (name === 'to') day.setDate(day.getDate() + 1);
        params.set(name, day.toISOString());
      }
    }
    return api(`/api/${this.query.service}/audit?${params}`);
  }

  search(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.query = Object.fromEntries([...form.entries()].map(([name, value]) => [name, value.trim()]));
    this.load();
  }

  render() {
    const fields = this.error?.fields || {};
    return html`<h1>Audit log</h1>
      <p>What people did with others' data: imports, merges, consent, exports, reads of notes, messages sent again.
        Nothing here can be changed or removed. Times in ${zoneName()}.</p>
      <form class="card" @submit=${(e) => this.search(e)} aria-label="Filter the audit log">
        <div class="grid">
          ${field({
            id: 'audit-service',
            label: 'Kept by',
            control: html`<select id="audit-service" name="service">
              ${Object.entries(SERVICES).map(
                ([value, words]) => html`<option value=${value} ?selected=${value === this.query.service}>${words}</option>`,
              )}
            </select>`,
          })}
          ${FILTERS.map(([name, words, hint]) =>
            field({
              id: `audit-${name}`,
              label: words,
              hint,
              error: fields[name],
              control: html`<input id="audit-${name}" name=${name} maxlength="300" .value=${this.query[name] || ''}
                aria-invalid=${fields[name] ? 'true' : nothing} aria-describedby=${describedBy(`audit-${name}`, hint, fields[name])}>`,
            }),
          )}
          ${['from', 'to'].map((name) =>
            field({
              id: `audit-${name}`,
              label: name === 'from' ? 'From (day)' : 'To (day)',
              error: fields[name],
              control: html`<input id="audit-${name}" name=${name} type="date" .value=${this.query[name] || ''}
                aria-invalid=${fields[name] ? 'true' : nothing} aria-describedby=${describedBy(`audit-${name}`, null, fields[name])}>`,
            }),
          )}
        </div>
        <div class="actions"><button type="submit">Show</button></div>
      </form>
      ${problem(this.error)}
      ${this.listed((entries) => this.table(entries))}`;
  }

  table(entries) {
    if (entries.length === 0) {
      return empty('Nothing recorded matches.');
    }
    return html`<div class="table-wrap card gap-above">
        <table>
          <caption class="visually-hidden">Audit entries, newest first</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th>
            <th scope="col">Record</th><th scope="col">Whose data</th><th scope="col">Why</th></tr></thead>
          <tbody>${entries.map(
            (entry) => html`<tr>
              <td>${when(entry.at)}</td>
              <td>${entry.actorId}<br><span class="muted">${entry.actorRoles.map(label).join(', ')}</span></td>
              <td>${label(entry.action)}</td>
              <td>${label(entry.resourceType)} ${entry.resourceId}</td>
              <td>${entry.subjectId ?? ''}</td>
              <td>${entry.purpose}</td>
            </tr>`,
          )}</tbody>
        </table>
      </div>
      ${this.moreButton()}`;
  }
}

customElements.define('ii-audit-log', AuditLog);
