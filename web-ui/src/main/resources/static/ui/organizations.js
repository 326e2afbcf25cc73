// The organization directory, for admins: found by name or domain, added, corrected with the
// version read (a change made meanwhile is told, never lost) and removed after a confirmation.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { LightElement, announce, confirmed, describedBy, empty, field, loading, problem } from './components.js';

const SIZES = {
  MICRO: '1 to 9 people',
  SMALL: '10 to 49',
  MEDIUM: '50 to 249',
  LARGE: '250 to 999',
  ENTERPRISE: '1,000 or more',
};
const TEXTS = [
  ['name', 'Name', null, 200],
  ['website', 'Website', 'https://…', 300],
  ['domain', 'Domain', 'Taken from the website when left empty', 253],
  ['industry', 'Industry', 'A code or name of the taxonomy', 100],
  ['city', 'City', null, 100],
  ['region', 'Region', null, 100],
  ['country', 'Country', 'Two letters: US, DE, NG', 2],
];

class Organizations extends LightElement {
  static properties = {
    me: { attribute: false },
    page: { state: true },
    editing: { state: true },
    error: { state: true },
    formError: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.q = '';
    this.number = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const params = new URLSearchParams({ page: this.number, size: 20 });
      if (this.q) params.set('q', this.q);
      this.page = await api(`/api/contacts/organizations?${params}`);
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    return html`<h1>Organizations</h1>
      <p>The employers students find people at, and that imports file people under.</p>
      <form class="row" role="search" @submit=${(e) => { e.preventDefault(); this.q = e.target.elements.q.value.trim(); this.number = 0; this.load(); }}>
        ${field({ id: 'org-q', label: 'Find by name or domain', control: html`<input id="org-q" name="q" type="search" maxlength="100">` })}
        <div class="actions at-end"><button type="submit">Find</button>
          <button type="button" class="secondary" @click=${() => this.edit({})}>Add an organization</button></div>
      </form>
      ${problem(this.error)}
      ${this.editing ? this.form() : nothing}
      ${this.page === undefined && !this.error ? loading() : nothing}
      ${this.page ? this.list() : nothing}`;
  }

  list() {
    if (this.page.items.length === 0) {
      return empty(this.q ? `No organization matches “${this.q}”.` : 'No organization yet.');
    }
    return html`<div class="table-wrap card">
        <table>
          <caption class="visually-hidden">Organizations, by name</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Domain</th><th scope="col">Industry</th>
            <th scope="col">Where</th><th scope="col"><span class="visually-hidden">Change</span></th></tr></thead>
          <tbody>${this.page.items.map((o) => html`<tr>
            <td>${o.name}</td><td>${o.domain ?? ''}</td><td>${o.industry ?? ''}</td>
            <td>${[o.city, o.region, o.country].filter(Boolean).join(', ')}</td>
            <td><div class="actions">
              <button class="secondary" aria-label=${`Change ${o.name}`} @click=${() => this.edit(o)}>Change</button>
              <button class="secondary" aria-label=${`Remove ${o.name}`} @click=${() => this.remove(o)}>Remove</button>
            </div></td>
          </tr>`)}</tbody>
        </table>
      </div>
      <div class="actions">
        ${this.number > 0 ? html`<button class="secondary" @click=${() => { this.number -= 1; this.load(); }}>Previous</button>` : nothing}
        ${this.page.hasMore ? html`<button class="secondary" @click=${() => { this.number += 1; this.load(); }}>Next</button>` : nothing}
      </div>`;
  }

  /** Opens the form for one (an empty object: a new one); its version is read for the change. */
  async edit(o) {
    this.formError = null;
    if (o.id) {
      // read again for its version (the ETag): the list's copy may be older
      try {
        const { value, version } = await api(`/api/contacts/organizations/${encodeURIComponent(o.id)}`, { tagged: true });
        this.editing = { ...value, version };
      } catch (error) {
        this.error = error;
        return;
      }
    } else {
      this.editing = {};
    }
    this.updateComplete.then(() => this.querySelector('#org-name')?.focus());
  }

  form() {
    const o = this.editing;
    const errors = this.formError?.fields || {};
    return html`<form class="card gap-above gap-below" @submit=${(e) => this.save(e)} aria-labelledby="org-form-heading">
      <h2 id="org-form-heading">${o.id ? `Change ${o.name}` : 'Add an organization'}</h2>
      <div class="grid">
        ${TEXTS.map(([name, words, hint, max]) =>
          field({
            id: `org-${name}`,
            label: words,
            hint,
            error: errors[name],
            control: html`<input id="org-${name}" name=${name} maxlength=${max} .value=${o[name] ?? ''}
              ?required=${name === 'name'} aria-invalid=${errors[name] ? 'true' : nothing}
              aria-describedby=${describedBy(`org-${name}`, hint, errors[name])}>`,
          }),
        )}
        ${field({
          id: 'org-size',
          label: 'Size',
          error: errors.size,
          control: html`<select id="org-size" name="size">
            <option value="">Not known</option>
            ${Object.entries(SIZES).map(([value, words]) => html`<option value=${value} ?selected=${o.size === value}>${words}</option>`)}
          </select>`,
        })}
      </div>
      ${this.formError && Object.keys(errors).length === 0 ? problem(this.formError) : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${o.id ? 'Save' : 'Add'}</button>
        <button type="button" class="secondary" @click=${() => (this.editing = null)}>Cancel</button>
      </div>
    </form>`;
  }

  async save(event) {
    event.preventDefault();
    const body = Object.fromEntries([...new FormData(event.target).entries()].map(([k, v]) => [k, v.trim() || null]));
    const o = this.editing;
    this.busy = true;
    this.formError = null;
    try {
      const saved = o.id
        ? await api(`/api/contacts/organizations/${encodeURIComponent(o.id)}`, { method: 'PUT', body, version: o.version })
        : await api('/api/contacts/organizations', { method: 'POST', body });
      this.editing = null;
      announce(o.id ? `Saved: ${saved.name}.` : `Added: ${saved.name}.`);
      await this.load();
    } catch (error) {
      if (error.status === 412) {
        this.editing = null;
        this.error = { title: 'Changed meanwhile', detail: 'Someone changed this organization since you opened it: it is shown as it is now. Make your change again.' };
        await this.load();
      } else {
        this.formError = error;
      }
    } finally {
      this.busy = false;
    }
  }

  async remove(o) {
    const sure = await confirmed({
      title: `Remove ${o.name}?`,
      body: 'Contacts that name it keep their employer as written; it is no longer offered for new ones.',
      yes: 'Yes, remove',
    });
    if (!sure) {
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      await api(`/api/contacts/organizations/${encodeURIComponent(o.id)}`, { method: 'DELETE' });
      announce(`Removed: ${o.name}.`);
      await this.load();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ii-organizations', Organizations);
