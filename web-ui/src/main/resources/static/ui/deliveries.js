// Messages that did not go, for admins: those given up (with why, sent again on request, which the
// audit log records) and those still waiting for another try (with the last error and when).
import { html, nothing } from 'lit';
import { api } from './api.js';
import { PagedList, announce, empty, field, problem } from './components.js';
import { when, zoneName } from './time.js';
import { label } from './words.js';

class Deliveries extends PagedList {
  static properties = { ...PagedList.properties, status: { state: true } };

  constructor() {
    super();
    this.status = 'FAILED';
  }

  fetchPage(page, last) {
    return api(
      `/api/notifications/deliveries?status=${this.status}&size=${Deliveries.pageSize}&after=${encodeURIComponent(last?.after ?? '')}`,
    );
  }

  render() {
    return html`<h1>Messages that did not go</h1>
      <p>Mail the platform gave up on, with why, and mail waiting for another try. Times in ${zoneName()}.</p>
      ${field({
        id: 'delivery-status',
        label: 'Show',
        control: html`<select id="delivery-status" @change=${(e) => { this.status = e.target.value; this.load(); }}>
          <option value="FAILED" ?selected=${this.status === 'FAILED'}>Given up (failed)</option>
          <option value="QUEUED" ?selected=${this.status === 'QUEUED'}>Waiting for another try</option>
        </select>`,
      })}
      ${problem(this.error)}
      ${this.listed((rows) => this.table(rows))}`;
  }

  table(rows) {
    if (rows.length === 0) {
      return empty(this.status === 'FAILED' ? 'No message has failed.' : 'No message is waiting for another try.');
    }
    return html`<div class="table-wrap card">
        <table>
          <caption class="visually-hidden">${this.status === 'FAILED' ? 'Failed messages' : 'Messages waiting'}</caption>
          <thead><tr><th scope="col">Subject</th><th scope="col">Kind</th><th scope="col">To</th>
            <th scope="col">Tries</th><th scope="col">${this.status === 'FAILED' ? 'Why' : 'Last error'}</th>
            <th scope="col">${this.status === 'FAILED' ? 'Made' : 'Next try'}</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
          <tbody>${rows.map((row) => this.row(row))}</tbody>
        </table>
      </div>
      ${this.moreButton()}`;
  }

  row(delivery) {
    return html`<tr>
      <td>${delivery.subject}</td>
      <td>${label(delivery.kind)}</td>
      <td>${delivery.to ?? html`<span class="muted">no address</span>`}</td>
      <td>${delivery.attempts}</td>
      <td>${delivery.lastError ?? ''}</td>
      <td>${when(this.status === 'FAILED' ? delivery.createdAt : delivery.nextAttemptAt)}</td>
      <td>${this.status === 'FAILED' && delivery.to
        ? html`<button class="secondary" ?disabled=${this.busy}
            aria-label=${`Send again: ${delivery.subject}`}
            @click=${() => this.retry(delivery)}>Send again</button>`
        : nothing}</td>
    </tr>`;
  }

  async retry(delivery) {
    this.busy = delivery.handle;
    this.error = null;
    try {
      const again = await api(`/api/notifications/deliveries/${encodeURIComponent(delivery.handle)}/retry`, {
        method: 'POST',
      });
      announce(`"${again.subject}" is being sent again.`);
      this.rows = this.rows.filter((row) => row.handle !== delivery.handle);
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = null;
    }
  }
}

customElements.define('ii-deliveries', Deliveries);
