// Step 1, research: the student's own notes on a career field or an organization before they ask
// anyone (what it does, how people get in, what is new, links, and what its website already
// answers, so they do not spend a conversation on it). Theirs alone.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { ApiScreen, announce, describedBy, empty, field, problem } from './components.js';
import { label } from './words.js';
import { when } from './time.js';

const KINDS = { FIELD: 'Career field', ORGANIZATION: 'Organization' };

class Research extends ApiScreen {
  static source = '/api/interviews/research';
  static properties = {
    fields: { state: true },
    editing: { state: true },
    saving: { state: true },
    saveError: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.fields = [];
    api('/api/contacts/career-fields')
      .then((fields) => (this.fields = fields))
      .catch(() => {});
  }

  heading() {
    return html`<h1>Research</h1>
      <p class="muted">Learn what you can on your own first: then your questions go past what any
        website says. Notes per career field or organization, seen only by you.</p>`;
  }

  content(notes) {
    return html`${this.editing ? this.form(this.editing) : html`<p>
          <button type="button" @click=${() => this.edit({ kind: 'FIELD', topic: '', links: [], websiteAnswers: [] })}>New note</button>
        </p>`}
      ${notes.length
        ? html`<div class="grid">${notes.map((note) => this.note(note))}</div>`
        : empty('No notes yet. Start with a career field you are curious about.')}`;
  }

  note(note) {
    const id = `n-${note.kind}-${note.topic}`.replace(/[^A-Za-z0-9_-]/g, '-');
    return html`<article class="card" aria-labelledby=${id}>
      <h2 id=${id}>${note.kind === 'FIELD' ? label(note.topic) : note.topic}
        <span class="badge">${KINDS[note.kind]}</span></h2>
      <p class="muted">Updated ${when(note.updatedAt)}</p>
      ${note.summary ? html`<h3>What it is</h3><p class="entry-body">${note.summary}</p>` : nothing}
      ${note.paths ? html`<h3>How people get in</h3><p class="entry-body">${note.paths}</p>` : nothing}
      ${note.news ? html`<h3>What is new</h3><p class="entry-body">${note.news}</p>` : nothing}
      ${note.websiteAnswers?.length
        ? html`<h3>Already answered online (do not ask)</h3>
            <ul>${note.websiteAnswers.map((answer) => html`<li>${answer}</li>`)}</ul>`
        : nothing}
      ${note.links?.length
        ? html`<h3>Links</h3>
            <ul>${note.links.map((link) => html`<li><a href=${link.url} rel="noopener noreferrer" target="_blank">${link.title || link.url}</a></li>`)}</ul>`
        : nothing}
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.edit(note)}>Edit</button>
        <button type="button" class="secondary" @click=${() => this.remove(note)}>Delete</button>
      </div>
    </article>`;
  }

  edit(note) {
    this.saveError = null;
    this.editing = note;
    this.updateComplete.then(() => this.querySelector('#research-form h2')?.focus());
  }

  form(note) {
    const errors = this.saveError?.fields || {};
    const isNew = !note.updatedAt;
    const linkError = Object.entries(errors).find(([name]) => name.startsWith('links'))?.[1];
    return html`<form id="research-form" class="card gap-below" @submit=${this.save} novalidate
        aria-labelledby="research-form-heading">
      <h2 id="research-form-heading" tabindex="-1">${isNew ? 'A new note' : 'Edit the note'}</h2>
      ${problem(this.saveError && !Object.keys(errors).length ? this.saveError : null)}
      ${isNew
        ? html`${field({
            id: 'r-kind',
            label: 'About',
            control: html`<select id="r-kind" name="kind" @change=${(e) => (this.editing = { ...this.editing, kind: e.target.value })}>
              ${Object.entries(KINDS).map(([kind, text]) => html`<option value=${kind} ?selected=${note.kind === kind}>${text}</option>`)}
            </select>`,
          })}
          ${note.kind === 'FIELD'
            ? field({
                id: 'r-topic',
                label: 'Career field',
                control: html`<select id="r-topic" name="topic" required>
                  ${this.fields.map((f) => html`<option value=${f.code}>${f.name}</option>`)}
                </select>`,
              })
            : field({
                id: 'r-topic',
                label: 'Organization',
                hint: 'Its name, as you would search for it.',
                control: html`<input id="r-topic" name="topic" required maxlength="200" aria-describedby="r-topic-hint">`,
              })}`
        : nothing}
      ${this.text('r-summary', 'summary', 'What it is and does', note.summary, errors.summary)}
      ${this.text('r-paths', 'paths', 'How people get in (degrees, first jobs, skills)', note.paths, errors.paths)}
      ${this.text('r-news', 'news', 'What is new (trends, news, changes)', note.news, errors.news)}
      ${field({
        id: 'r-answers',
        label: 'Questions its website already answers',
        hint: 'One per line: you will not spend the conversation on them.',
        error: errors.websiteAnswers,
        control: html`<textarea id="r-answers" name="websiteAnswers" .value=${(note.websiteAnswers || []).join('\n')}
          aria-describedby=${describedBy('r-answers', true, errors.websiteAnswers)}></textarea>`,
      })}
      ${field({
        id: 'r-links',
        label: 'Links',
        hint: 'One per line: the address, then a space and a title if you like.',
        error: linkError,
        control: html`<textarea id="r-links" name="links"
          .value=${(note.links || []).map((l) => (l.title ? `${l.url} ${l.title}` : l.url)).join('\n')}
          aria-describedby=${describedBy('r-links', true, linkError)} aria-invalid=${linkError ? 'true' : nothing}></textarea>`,
      })}
      <div class="actions">
        <button type="submit" ?disabled=${this.saving}>${this.saving ? 'Saving…' : 'Save the note'}</button>
        <button type="button" class="secondary" @click=${() => (this.editing = null)}>Cancel</button>
      </div>
    </form>`;
  }

  text(id, name, text, value, error) {
    return field({
      id,
      label: text,
      error,
      control: html`<textarea id=${id} name=${name} maxlength="20000" .value=${value || ''}
        aria-describedby=${describedBy(id, false, error)} aria-invalid=${error ? 'true' : nothing}></textarea>`,
    });
  }

  async save(event) {
    event.preventDefault();
    const f = event.target.elements;
    const kind = f.kind ? f.kind.value : this.editing.kind;
    const topic = (f.topic ? f.topic.value : this.editing.topic).trim();
    if (!topic) {
      this.saveError = { title: 'Name the organization', fields: {} };
      return;
    }
    const lines = (value) => value.split('\n').map((line) => line.trim()).filter(Boolean);
    const body = {
      summary: f.summary.value || null,
      paths: f.paths.value || null,
      news: f.news.value || null,
      websiteAnswers: lines(f.websiteAnswers.value),
      links: lines(f.links.value).map((line) => {
        const [url, ...title] = line.split(/\s+/);
        return { url, title: title.join(' ') || null };
      }),
    };
    this.saving = true;
    try {
      const saved = await api(`/api/interviews/research/${kind}/${encodeURIComponent(topic)}`, { method: 'PUT', body });
      this.loaded = [saved, ...this.loaded.filter((n) => !(n.kind === saved.kind && n.topic === saved.topic))];
      this.editing = null;
      this.saveError = null;
      announce('Note saved.');
    } catch (error) {
      // what was typed stays in the form
      this.saveError = error;
    } finally {
      this.saving = false;
    }
  }

  remove(note) {
    api(`/api/interviews/research/${note.kind}/${encodeURIComponent(note.topic)}`, { method: 'DELETE' })
      .then(() => {
        this.loaded = this.loaded.filter((n) => n !== note);
        announce('Note deleted.');
      })
      .catch((error) => (this.error = error));
  }
}

customElements.define('ii-research', Research);
