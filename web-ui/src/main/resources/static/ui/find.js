// Finding people (step 2): the student's own contacts and the alumni and professionals who opted
// in, searched by words and career field; a personal contact added; a conversation planned.
import { html, nothing } from 'lit';
import { ApiError, api } from './api.js';
import {
  LightElement,
  announce,
  describedBy,
  empty,
  field,
  loading,
  problem,
  submitOrCancel,
} from './components.js';
import { label } from './words.js';

const SOURCES = {
  PERSONAL: 'Your contact',
  REFERRAL: 'Referred to you',
  ALUMNI_IMPORT: 'Alumni volunteer',
  ALUMNI_DIRECTORY: 'Alumni volunteer',
  EMPLOYER_DIRECTORY: 'Employer volunteer',
};

class FindPeople extends LightElement {
  static properties = {
    me: { attribute: false },
    fields: { state: true },
    results: { state: true },
    error: { state: true },
    busy: { state: true },
    planning: { state: true },
    adding: { state: true },
  };

  constructor() {
    super();
    this.query = { q: '', careerField: '', scope: 'all' };
    this.results = null;
    this.page = 0;
    this.fields = [];
  }

  connectedCallback() {
    super.connectedCallback();
    // from "My network": look for the person referred, and plan the conversation as its follow-on
    const asked = new URLSearchParams(window.location.search);
    this.query.q = asked.get('q') || '';
    this.fromReferral = asked.get('fromReferral');
    if (this.fromReferral) this.query.scope = 'own';
    api('/api/contacts/career-fields')
      .then((fields) => (this.fields = fields.filter((f) => !f.retired)))
      .catch(() => (this.fields = []));
    this.search();
  }

  async search(more = false) {
    this.busy = true;
    this.error = null;
    this.page = more ? this.page + 1 : 0;
    const params = new URLSearchParams({ page: this.page, size: 20, scope: this.query.scope });
    if (this.query.q.trim()) params.set('q', this.query.q.trim());
    if (this.query.careerField) params.set('careerField', this.query.careerField);
    try {
      const page = await api(`/api/contacts/contacts?${params}`);
      this.results = { items: [...(more ? this.results.items : []), ...page.items], hasMore: page.hasMore };
      if (!more) announce(`${page.items.length}${page.hasMore ? '+' : ''} people found.`);
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<h1>Find people</h1>
      <p class="muted">Your own contacts, and alumni and professionals who volunteered to talk with students.</p>
      <form class="card" role="search" @submit=${(e) => { e.preventDefault(); this.search(); }}>
        ${field({
          id: 'find-q',
          label: 'Name, employer or job title',
          control: html`<input id="find-q" type="search" .value=${this.query.q} maxlength="100"
            @input=${(e) => (this.query.q = e.target.value)}>`,
        })}
        ${field({
          id: 'find-field',
          label: 'Career field',
          control: html`<select id="find-field" @change=${(e) => (this.query.careerField = e.target.value)}>
            <option value="">Any</option>
            ${this.fields.map((f) => html`<option value=${f.code} ?selected=${f.code === this.query.careerField}>${f.name}</option>`)}
          </select>`,
        })}
        <fieldset>
          <legend>Whom</legend>
          <div class="choice"><input type="radio" id="find-all" name="scope" value="all" .checked=${this.query.scope === 'all'}
            @change=${() => (this.query.scope = 'all')}><label for="find-all">Everyone I may contact</label></div>
          <div class="choice"><input type="radio" id="find-own" name="scope" value="own" .checked=${this.query.scope === 'own'}
            @change=${() => (this.query.scope = 'own')}><label for="find-own">Only my own contacts</label></div>
        </fieldset>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>Search</button>
          <button type="button" class="secondary" @click=${() => (this.adding = true)}>Add someone I know</button>
          <a href="/find/import">Bring my LinkedIn connections or address book</a>
        </div>
      </form>
      ${this.adding ? html`<ii-add-contact @added=${this.added} @close=${() => (this.adding = false)}></ii-add-contact>` : nothing}
      ${problem(this.error)}
      <section aria-labelledby="results-heading" aria-busy=${this.busy ? 'true' : 'false'}>
        <h2 id="results-heading">People</h2>
        ${this.results === null ? loading() : this.list(this.results)}
      </section>`;
  }

  list(results) {
    if (results.items.length === 0) {
      return empty('Nobody matches. Try fewer words, another career field, or add someone you know.');
    }
    return html`<ul class="list card">
        ${results.items.map((c) => html`<li>${this.person(c)}</li>`)}
      </ul>
      ${results.hasMore
        ? html`<div class="actions"><button class="secondary" ?disabled=${this.busy} @click=${() => this.search(true)}>More people</button></div>`
        : nothing}`;
  }

  person(c) {
    const work = [c.jobTitle, c.organizationName].filter(Boolean).join(', ');
    const place = [c.city, c.country].filter(Boolean).join(', ');
    return html`<strong>${c.displayName}</strong>
      <span class="badge ${c.source === 'PERSONAL' || c.source === 'REFERRAL' ? '' : 'ok'}">${SOURCES[c.source] || label(c.source)}</span>
      ${work ? html`<br>${work}` : nothing}
      ${place || c.alumni?.graduationYear
        ? html`<br><span class="muted">${place}${c.alumni?.graduationYear ? ` · class of ${c.alumni.graduationYear}` : ''}</span>`
        : nothing}
      ${c.careerFields?.length ? html`<br><span class="muted">${c.careerFields.map(label).join(', ')}</span>` : nothing}
      ${c.notes ? html`<p class="muted note">${c.notes}</p>` : nothing}
      <div class="actions">
        ${this.planning === c.id
          ? html`<ii-plan-interview .contact=${c} .fields=${this.fields} .fromReferral=${this.fromReferral}
              @close=${() => (this.planning = null)}></ii-plan-interview>`
          : html`<button class="secondary" @click=${() => (this.planning = c.id)}
              aria-label="Plan a conversation with ${c.displayName}">Plan a conversation</button>`}
      </div>`;
  }

  added(event) {
    this.adding = false;
    const contact = event.detail;
    this.results = { items: [contact, ...(this.results?.items || [])], hasMore: this.results?.hasMore };
    this.planning = contact.id;
    announce(`${contact.displayName} was added to your contacts.`);
  }
}

/** What the student wants to learn, then the interview is planned and opened. */
class PlanInterview extends LightElement {
  static properties = {
    contact: { attribute: false },
    fields: { attribute: false },
    fromReferral: { attribute: false },
    error: { state: true },
    busy: { state: true },
  };

  render() {
    const id = `plan-${this.contact.id}`;
    const errors = this.error?.fields || {};
    return html`<form class="card wide" @submit=${this.plan} novalidate>
      <h3>A conversation with ${this.contact.displayName}</h3>
      ${problem(this.error && !Object.keys(errors).length ? this.error : null)}
      ${field({
        id: `${id}-purpose`,
        label: 'What do you want to learn?',
        hint: 'One or two sentences: it frames your questions and your request.',
        error: errors.purpose,
        control: html`<textarea id="${id}-purpose" name="purpose" maxlength="2000" required
          aria-describedby=${describedBy(`${id}-purpose`, true, errors.purpose)}
          aria-invalid=${errors.purpose ? 'true' : nothing}></textarea>`,
      })}
      ${field({
        id: `${id}-field`,
        label: 'Career field',
        error: errors.careerField,
        control: html`<select id="${id}-field" name="careerField">
          <option value="">Not set</option>
          ${this.fields.map((f) => html`<option value=${f.code} ?selected=${this.contact.careerFields?.[0] === f.code}>${f.name}</option>`)}
        </select>`,
      })}
      ${submitOrCancel(this, this.busy, 'Plan it', 'Planning…')}
    </form>`;
  }

  async plan(event) {
    event.preventDefault();
    const form = event.target;
    const purpose = form.elements.purpose.value.trim();
    if (!purpose) {
      this.error = new ApiError(400, { title: 'Say what you want to learn', errors: [{ field: 'purpose', reason: 'Write what you want to learn from this person.' }] });
      form.elements.purpose.focus();
      return;
    }
    this.busy = true;
    this.error = null;
    const body = {
      contactId: this.contact.id,
      purpose,
      careerField: form.elements.careerField.value || null,
      fromReferral: this.fromReferral || null,
    };
    try {
      const interview = await planned(body);
      window.location.assign(`/interviews/${encodeURIComponent(interview.id)}`);
    } catch (error) {
      this.error = error;
      this.busy = false;
    }
  }
}

/**
 * Plans the interview; a contact added a moment ago may not have reached interviews-service yet
 * (it learns of contacts through events), so a 404 is tried again for a few seconds.
 */
async function planned(body) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api('/api/interviews/interviews', { method: 'POST', body });
    } catch (error) {
      if (error.status !== 404 || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** A personal contact: family, friends, people met at events or on LinkedIn. */
class AddContact extends LightElement {
  static properties = { error: { state: true }, busy: { state: true } };

  render() {
    const errors = this.error?.fields || {};
    const input = (name, text, type = 'text', hint = null) =>
      field({
        id: `add-${name}`,
        label: text,
        hint,
        error: errors[name] || errors[`${name}[0]`],
        control: html`<input id="add-${name}" name=${name} type=${type}
          aria-describedby=${describedBy(`add-${name}`, hint, errors[name] || errors[`${name}[0]`])}
          aria-invalid=${errors[name] || errors[`${name}[0]`] ? 'true' : nothing}>`,
      });
    return html`<form class="card" @submit=${this.add} novalidate aria-labelledby="add-heading">
      <h2 id="add-heading">Add someone you know</h2>
      ${problem(this.error && !Object.keys(errors).length ? this.error : null)}
      <div class="grid">
        ${input('givenName', 'First name')} ${input('familyName', 'Last name')}
        ${input('emails', 'Email (optional)', 'email', 'Only you see it; the platform sends your request to it.')}
        ${input('organizationName', 'Employer (optional)')} ${input('jobTitle', 'Job title (optional)')}
      </div>
      ${field({
        id: 'add-notes',
        label: 'Notes (optional)',
        hint: 'Only you see them: where you met, how they like to be reached.',
        error: errors.notes,
        control: html`<textarea id="add-notes" name="notes" rows="3" maxlength="4000"
          aria-describedby=${describedBy('add-notes', true, errors.notes)}
          aria-invalid=${errors.notes ? 'true' : nothing}></textarea>`,
      })}
      ${submitOrCancel(this, this.busy, 'Add', 'Adding…')}
    </form>`;
  }

  async add(event) {
    event.preventDefault();
    const f = event.target.elements;
    const value = (name) => f[name].value.trim() || null;
    const body = {
      givenName: value('givenName'),
      familyName: value('familyName'),
      emails: value('emails') ? [value('emails')] : [],
      organizationName: value('organizationName'),
      jobTitle: value('jobTitle'),
      notes: value('notes'),
    };
    this.busy = true;
    this.error = null;
    try {
      const contact = await api('/api/contacts/contacts', { method: 'POST', body });
      this.dispatchEvent(new CustomEvent('added', { detail: contact }));
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ii-find-people', FindPeople);
customElements.define('ii-plan-interview', PlanInterview);
customElements.define('ii-add-contact', AddContact);
