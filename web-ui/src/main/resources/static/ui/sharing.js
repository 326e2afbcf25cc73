// Sharing with an advisor. A student shares one conversation or all of them with a named advisor,
// stops when they like, and sees who read their records. An advisor lists what students shared
// with them and reads one at a time (each read is recorded, and the student sees it).
import { html, nothing } from 'lit';
import { api } from './api.js';
import { LightElement, announce, empty, field, loading, problem } from './components.js';
import { when, zoneName } from './time.js';
import { label } from './words.js';

/** The student's page: share, stop sharing, who saw my records. */
class Sharing extends LightElement {
  static properties = {
    me: { attribute: false },
    advisors: { state: true },
    interviews: { state: true },
    shares: { state: true },
    reads: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const [advisors, interviews, shares, reads] = await Promise.all([
        api('/api/interviews/advisors'),
        api('/api/interviews/interviews?size=100'),
        api('/api/interviews/me/shares'),
        api('/api/interviews/me/record-reads'),
      ]);
      Object.assign(this, { advisors, interviews, shares, reads });
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    const chosen = new URLSearchParams(window.location.search).get('interview') || '';
    return html`<h1>Sharing with an advisor</h1>
      <p>Your conversations are yours alone. You may let a career advisor read one, or all of them (their
        preparation, your notes, whom they led to), and stop at any time. Every time someone reads them, it is
        listed below.</p>
      ${problem(this.error)}
      ${this.advisors === undefined && !this.error ? loading() : nothing}
      ${this.advisors ? this.form(chosen) : nothing}
      ${this.shares ? this.current() : nothing}
      ${this.reads ? this.readList() : nothing}`;
  }

  form(chosen) {
    if (this.advisors.length === 0) {
      return empty('No advisor has signed in yet; once one has, you can share with them here.');
    }
    const name = (i) => `${i.contact.displayName}${i.careerField ? `, ${label(i.careerField)}` : ''}`;
    return html`<form class="card" @submit=${(e) => this.share(e)} aria-labelledby="share-heading">
      <h2 id="share-heading">Share</h2>
      <div class="grid">
        ${field({
          id: 'share-advisor',
          label: 'With',
          control: html`<select id="share-advisor" name="advisorId">
            ${this.advisors.map((a) => html`<option value=${a.id}>${a.displayName}</option>`)}
          </select>`,
        })}
        ${field({
          id: 'share-what',
          label: 'What',
          control: html`<select id="share-what" name="interviewId">
            <option value="">All my conversations, and those to come</option>
            ${(this.interviews || []).map(
              (i) => html`<option value=${i.id} ?selected=${i.id === chosen}>The conversation with ${name(i)}</option>`,
            )}
          </select>`,
        })}
      </div>
      <div class="actions"><button type="submit" ?disabled=${this.busy}>Share</button></div>
    </form>`;
  }

  current() {
    const what = (s) => {
      if (!s.interviewId) return 'all your conversations';
      const i = (this.interviews || []).find((x) => x.id === s.interviewId);
      return i ? `the conversation with ${i.contact.displayName}` : 'one conversation';
    };
    return html`<h2 class="gap-above-more">Shared now</h2>
      ${this.shares.length === 0
        ? empty('Nothing is shared: only you read your conversations.')
        : html`<div class="card"><ul class="list">${this.shares.map(
            (s) => html`<li><strong>${s.advisorName}</strong> may read ${what(s)} (since ${when(s.sharedAt)})
              <div class="actions"><button class="secondary" ?disabled=${this.busy}
                aria-label=${`Stop sharing ${what(s)} with ${s.advisorName}`}
                @click=${() => this.stop(s)}>Stop sharing</button></div></li>`,
          )}</ul></div>`}`;
  }

  readList() {
    return html`<h2 class="gap-above-more">Who saw my records</h2>
      <p class="muted">Times in ${zoneName()}.</p>
      ${this.reads.length === 0
        ? empty('Nobody but you has read your conversations.')
        : html`<div class="table-wrap card"><table>
            <caption class="visually-hidden">Who saw my records, newest first</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">On what grounds</th></tr></thead>
            <tbody>${this.reads.map((r) => {
              const i = (this.interviews || []).find((x) => x.id === r.resourceId);
              return html`<tr><td>${when(r.at)}</td><td>${r.actorRoles.map(label).join(', ')}</td>
                <td>${label(r.action)}${i ? `: the conversation with ${i.contact.displayName}` : ''}</td><td>${r.purpose}</td></tr>`;
            })}</tbody>
          </table></div>`}`;
  }

  async share(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.busy = true;
    this.error = null;
    try {
      const share = await api('/api/interviews/me/shares', {
        method: 'POST',
        body: { advisorId: form.get('advisorId'), interviewId: form.get('interviewId') || null },
      });
      announce(`Shared with ${share.advisorName}.`);
      await this.load();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  async stop(share) {
    this.busy = true;
    this.error = null;
    try {
      await api(`/api/interviews/me/shares/${encodeURIComponent(share.id)}`, { method: 'DELETE' });
      announce(`No longer shared with ${share.advisorName}.`);
      await this.load();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

/** The advisor's page: what students shared (`/shared`), and one read in full (`/shared/<id>`). */
class Shared extends LightElement {
  static properties = { me: { attribute: false }, list: { state: true }, one: { state: true }, error: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    const id = decodeURIComponent(window.location.pathname.split('/')[2] || '');
    api(id ? `/api/interviews/shared/${encodeURIComponent(id)}` : '/api/interviews/shared')
      .then((answer) => (id ? (this.one = answer) : (this.list = answer)))
      .catch((error) => (this.error = error));
  }

  render() {
    if (this.one) return this.detail(this.one);
    return html`<h1>Shared with me</h1>
      <p>Conversations students chose to share with you. Opening one shows their preparation and notes; the
        student sees that you read it.</p>
      ${problem(this.error)}
      ${this.list === undefined && !this.error ? loading() : nothing}
      ${this.list?.length === 0 ? empty('No student has shared a conversation with you.') : nothing}
      ${this.list?.length
        ? html`<div class="card"><ul class="list">${this.list.map(
            ({ studentName, interview: i }) => html`<li>
              <a href="/shared/${encodeURIComponent(i.id)}">${studentName}: with ${i.contactName}${i.organizationName ? ` of ${i.organizationName}` : ''}</a>
              <span class="badge">${label(i.status)}</span>
              <p class="muted">${i.purpose}</p></li>`,
          )}</ul></div>`
        : nothing}`;
  }

  detail({ studentName, interview: i }) {
    const notes = i.notes || {};
    const section = (title, text) => (text ? html`<h3>${title}</h3><p class="entry-body">${text}</p>` : nothing);
    return html`<p><a href="/shared">Shared with me</a></p>
      <h1>${studentName}: a conversation with ${i.contactName}</h1>
      <p>${[i.jobTitle, i.organizationName].filter(Boolean).join(', ')} · <span class="badge">${label(i.status)}</span>
        ${i.meetingAt ? html` · met ${when(i.meetingAt)}` : nothing}</p>
      <section class="card" aria-labelledby="shared-why"><h2 id="shared-why">What they want to learn</h2><p>${i.purpose}</p>
        ${i.preparation?.pitch ? section('Their introduction', i.preparation.pitch) : nothing}
        ${i.preparation?.questions?.length
          ? html`<h3>Their questions</h3><ol>${i.preparation.questions.map((q) => html`<li>${q.text}</li>`)}</ol>`
          : nothing}
      </section>
      <section class="card gap-above" aria-labelledby="shared-notes"><h2 id="shared-notes">Their notes</h2>
        ${section('What they learned', notes.learned)} ${section('Advice', notes.advice)}
        ${section('Still want to know', notes.stillWantToKnow)}
        ${notes.actionItems?.length ? html`<h3>Action items</h3><ul>${notes.actionItems.map((a) => html`<li>${a.text}${a.done ? ' (done)' : ''}</li>`)}</ul>` : nothing}
        ${i.referrals.length ? html`<h3>Who else to talk to</h3><ul>${i.referrals.map((r) => html`<li>${r}</li>`)}</ul>` : nothing}
        ${!i.notes && !i.referrals.length ? empty('No notes yet.') : nothing}
      </section>`;
  }
}

customElements.define('ii-sharing', Sharing);
customElements.define('ii-shared', Shared);
