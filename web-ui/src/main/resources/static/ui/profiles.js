// Column profiles, for admins: which column of an alumni export fills which field of a contact.
// A profile is started from another (the built-in ones included), its columns named and mapped,
// and saved under a name of its own; refusals are shown beside the column they are about.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { LightElement, announce, describedBy, field, loading, problem } from './components.js';

/** What a column can fill, as the API names it, in words. */
const TARGETS = {
  givenName: 'Given name', familyName: 'Family name', preferredName: 'Preferred name', pronouns: 'Pronouns',
  email: 'Email', phone: 'Phone', linkedinUrl: 'LinkedIn profile', organizationName: 'Employer',
  jobTitle: 'Job title', industry: 'Industry', careerFields: 'Career fields', city: 'City', region: 'Region',
  country: 'Country', timeZone: 'Time zone', externalAlumniId: 'Alumni id', graduationYear: 'Class year',
  degree: 'Degree', major: 'Major', college: 'College', tags: 'Tags', notes: 'Notes (staff only)',
  optedIn: 'Opted in to be asked', contactPreference: 'How they want to be asked',
  maxRequestsPerMonth: 'Requests a month at most', doNotContact: 'Do not contact', ignore: 'Not imported',
};
const SOURCES = { ALUMNI_IMPORT: 'Alumni database', ALUMNI_DIRECTORY: 'Alumni directory', EMPLOYER_DIRECTORY: 'Employer directory' };

class Profiles extends LightElement {
  static properties = {
    me: { attribute: false },
    profiles: { state: true },
    editing: { state: true },
    error: { state: true },
    formError: { state: true },
    busy: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.profiles = await api('/api/contacts/imports/profiles');
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    return html`<h1>Column profiles</h1>
      <p>Which column of a file fills which field of a contact. Start from a profile, name and map the columns
        your export has, and save it under a name of your own; <a href="/imports">Alumni imports</a> then offers it.</p>
      ${problem(this.error)}
      ${this.profiles === undefined && !this.error ? loading() : nothing}
      ${this.profiles ? this.list() : nothing}
      ${this.editing ? this.form() : nothing}`;
  }

  list() {
    const directory = this.profiles.filter((p) => !['PERSONAL'].includes(p.source));
    return html`<div class="card"><ul class="list">${directory.map((p) => html`<li>
      <strong>${p.name}</strong> <span class="muted">${p.description}</span>
      <div class="actions">
        <button class="secondary" aria-label=${`Change ${p.name}`} @click=${() => this.edit(p, p.name)}>Change</button>
        <button class="secondary" aria-label=${`Start a new profile from ${p.name}`} @click=${() => this.edit(p, '')}>Start a new one from it</button>
      </div></li>`)}</ul></div>`;
  }

  edit(p, name) {
    this.formError = null;
    this.editing = {
      name,
      description: p.description,
      source: p.source,
      columns: p.columns.map((c) => ({ ...c })),
    };
    this.updateComplete.then(() => this.querySelector('#profile-name')?.focus());
  }

  form() {
    const e = this.editing;
    const errors = this.formError?.fields || {};
    const columnFields = Object.keys(errors).some((k) => k.startsWith('columns'));
    return html`<form class="card gap-above" @submit=${(ev) => this.save(ev)} aria-labelledby="profile-heading">
      <h2 id="profile-heading">${e.name ? `Profile ${e.name}` : 'A new profile'}</h2>
      <div class="grid">
        ${field({
          id: 'profile-name',
          label: 'Name',
          hint: 'Lower case letters, digits and -',
          error: errors.name,
          control: html`<input id="profile-name" required maxlength="63" .value=${e.name}
            @input=${(ev) => (e.name = ev.target.value)}
            aria-invalid=${errors.name ? 'true' : nothing} aria-describedby=${describedBy('profile-name', 'hint', errors.name)}>`,
        })}
        ${field({
          id: 'profile-source',
          label: 'People from',
          error: errors.source,
          control: html`<select id="profile-source" @change=${(ev) => (e.source = ev.target.value)}>
            ${Object.entries(SOURCES).map(([value, words]) => html`<option value=${value} ?selected=${e.source === value}>${words}</option>`)}
          </select>`,
        })}
      </div>
      ${field({
        id: 'profile-description',
        label: 'What it reads',
        control: html`<input id="profile-description" maxlength="500" .value=${e.description}
          @input=${(ev) => (e.description = ev.target.value)}>`,
      })}
      <fieldset>
        <legend>Columns</legend>
        ${errors.columns ? html`<p class="error">${errors.columns}</p>` : nothing}
        <ol class="list rules">${e.columns.map((c, i) => this.column(c, i, errors))}</ol>
        <div class="actions"><button type="button" class="secondary" @click=${() => this.addColumn()}>Add a column</button></div>
      </fieldset>
      ${this.formError && !columnFields && !errors.name && !errors.source ? problem(this.formError) : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>Save the profile</button>
        <button type="button" class="secondary" @click=${() => (this.editing = null)}>Cancel</button>
      </div>
    </form>`;
  }

  column(c, i, errors) {
    const header = errors[`columns[${i}].header`];
    const target = errors[`columns[${i}].target`];
    return html`<li class="row">
      ${field({
        id: `col-${i}-header`,
        label: `Column ${i + 1}: its header in the file`,
        error: header,
        control: html`<input id="col-${i}-header" required maxlength="100" .value=${c.header}
          @input=${(ev) => (c.header = ev.target.value)}
          aria-invalid=${header ? 'true' : nothing} aria-describedby=${describedBy(`col-${i}-header`, null, header)}>`,
      })}
      ${field({
        id: `col-${i}-target`,
        label: 'fills',
        error: target,
        control: html`<select id="col-${i}-target" @change=${(ev) => (c.target = ev.target.value)}
          aria-invalid=${target ? 'true' : nothing} aria-describedby=${describedBy(`col-${i}-target`, null, target)}>
          ${Object.entries(TARGETS).map(([value, words]) => html`<option value=${value} ?selected=${c.target === value}>${words}</option>`)}
        </select>`,
      })}
      <div class="actions at-end"><button type="button" class="secondary" aria-label=${`Remove column ${i + 1}`}
        @click=${() => (this.editing = { ...this.editing, columns: this.editing.columns.filter((x) => x !== c) })}>Remove</button></div>
    </li>`;
  }

  addColumn() {
    this.editing = { ...this.editing, columns: [...this.editing.columns, { header: '', target: 'ignore' }] };
    this.updateComplete.then(() => document.getElementById(`col-${this.editing.columns.length - 1}-header`)?.focus());
  }

  async save(event) {
    event.preventDefault();
    const e = this.editing;
    this.busy = true;
    this.formError = null;
    try {
      const saved = await api(`/api/contacts/imports/profiles/${encodeURIComponent(e.name.trim())}`, {
        method: 'PUT',
        body: { description: e.description, source: e.source, columns: e.columns },
      });
      this.editing = null;
      announce(`Saved: ${saved.name}, with ${saved.columns.length} columns.`);
      await this.load();
    } catch (error) {
      this.formError = error;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ii-profiles', Profiles);
