// The career center's request and thank-you templates, for advisors and admins: written with merge
// fields, previewed as a student would get them for a sample person (with what a counselor would
// say of it), changed with the version read, retired and offered again.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { LightElement, announce, describedBy, empty, field, loading, problem, warningList } from './components.js';

const KINDS = { OUTREACH: 'Request', THANK_YOU: 'Thank-you' };

class Templates extends LightElement {
  static properties = {
    me: { attribute: false },
    templates: { state: true },
    fields: { state: true },
    withRetired: { state: true },
    editing: { state: true },
    preview: { state: true },
    error: { state: true },
    formError: { state: true },
    busy: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    api('/api/interviews/templates/fields').then((f) => (this.fields = f)).catch(() => (this.fields = []));
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.previewing);
  }

  async load() {
    try {
      this.templates = await api(`/api/interviews/templates?withRetired=${Boolean(this.withRetired)}`);
    } catch (error) {
      this.error = error;
      this.templates ??= [];
    }
  }

  render() {
    return html`<h1>Request and thank-you templates</h1>
      <p>Texts students start from when they write to someone or thank them, with merge fields the platform fills
        for their person. A student's draft is a copy: changing or retiring a template leaves theirs as it was.</p>
      ${this.form()}
      <h2 class="gap-above-more">Your center's templates</h2>
      <label class="choice"><input type="checkbox" .checked=${Boolean(this.withRetired)}
        @change=${(e) => { this.withRetired = e.target.checked; this.load(); }}> Show retired templates too</label>
      ${problem(this.error)}
      ${this.templates === undefined ? loading() : this.list()}`;
  }

  list() {
    if (this.templates.length === 0) {
      return empty('No template yet: students start from the platform\u2019s own first drafts.');
    }
    return html`<div class="card"><ul class="list">${this.templates.map((t) => html`<li>
      <p><strong>${t.name}</strong> <span class="badge">${KINDS[t.kind]}</span>
        ${t.retired ? html` <span class="badge warn">retired</span>` : nothing}</p>
      <p class="entry-body muted">${t.body}</p>
      ${warningList(t.warnings, `t-${t.id}-warnings`)}
      <div class="actions">
        <button class="secondary" aria-label=${`Change: ${t.name}`} @click=${() => this.edit(t)}>Change</button>
        <button class="secondary" ?disabled=${this.busy} aria-label=${`${t.retired ? 'Offer again' : 'Retire'}: ${t.name}`}
          @click=${() => this.save(t, { kind: t.kind, name: t.name, body: t.body, retired: !t.retired })}>${t.retired ? 'Offer again' : 'Retire'}</button>
      </div>
    </li>`)}</ul></div>`;
  }

  edit(t) {
    this.editing = t;
    this.formError = null;
    this.updateComplete.then(() => {
      const form = this.querySelector('#template-form');
      form.elements.kind.value = t.kind;
      form.elements.name.value = t.name;
      form.elements.body.value = t.body;
      form.scrollIntoView();
      form.elements.name.focus();
      this.schedulePreview();
    });
  }

  form() {
    const errors = this.formError?.fields || {};
    const t = this.editing;
    const unknown = this.preview?.unknownFields || [];
    const bodyError = errors.body || (unknown.length ? `{{${unknown.join('}}, {{')}}} ${unknown.length === 1 ? 'is not a merge field' : 'are not merge fields'}` : null);
    return html`<form id="template-form" class="card" @submit=${(e) => this.submit(e)} @input=${() => this.schedulePreview()}
        aria-labelledby="template-form-heading">
      <h2 id="template-form-heading">${t ? `Change “${t.name}”` : 'Write a template'}</h2>
      <div class="grid">
        ${field({
          id: 'template-kind',
          label: 'For',
          control: html`<select id="template-kind" name="kind">
            ${Object.entries(KINDS).map(([value, words]) => html`<option value=${value}>${words}</option>`)}
          </select>`,
        })}
        ${field({
          id: 'template-name',
          label: 'Name students choose it by',
          error: errors.name,
          control: html`<input id="template-name" name="name" required maxlength="80"
            aria-invalid=${errors.name ? 'true' : nothing} aria-describedby=${describedBy('template-name', null, errors.name)}>`,
        })}
      </div>
      ${field({
        id: 'template-body',
        label: 'The text',
        hint: 'Merge fields in double braces, such as {{contactName}}; the platform fills them.',
        error: bodyError,
        control: html`<textarea class="tall" id="template-body" name="body" required maxlength="4000"
          aria-invalid=${bodyError ? 'true' : nothing} aria-describedby=${describedBy('template-body', 'hint', bodyError)}></textarea>`,
      })}
      ${this.fields?.length
        ? html`<details><summary>Merge fields</summary><ul>${this.fields.map(
            (f) => html`<li><button type="button" class="link" @click=${() => this.insert(f.name)}
              aria-label=${`Insert {{${f.name}}}: ${f.meaning}`}>{{${f.name}}}</button>: ${f.meaning} (as in “${f.sample}”)</li>`,
          )}</ul></details>`
        : nothing}
      ${this.preview
        ? html`<h3>As a student would get it for Jordan Rivera</h3>
            <p class="card entry-body" id="template-preview">${this.preview.text}</p>
            ${warningList(this.preview.warnings, 'template-preview-warnings')}`
        : nothing}
      ${this.formError && Object.keys(errors).length === 0 ? problem(this.formError) : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${t ? 'Save' : 'Add the template'}</button>
        ${t ? html`<button type="button" class="secondary" @click=${() => this.reset()}>Cancel</button>` : nothing}
      </div>
    </form>`;
  }

  /** Puts a merge field where the cursor is in the text. */
  insert(name) {
    const body = this.querySelector('#template-body');
    const at = body.selectionStart ?? body.value.length;
    body.setRangeText(`{{${name}}}`, at, body.selectionEnd ?? at, 'end');
    body.focus();
    this.schedulePreview();
  }

  /** The preview follows the typing, a moment after it stops. */
  schedulePreview() {
    clearTimeout(this.previewing);
    this.previewing = setTimeout(async () => {
      const form = this.querySelector('#template-form');
      const body = form?.elements.body.value.trim();
      if (!body) {
        this.preview = null;
        return;
      }
      try {
        this.preview = await api('/api/interviews/templates/preview', {
          method: 'POST',
          body: { kind: form.elements.kind.value, body },
        });
      } catch {
        // the preview is a help: the save says what is wrong
      }
    }, 400);
  }

  reset() {
    this.editing = null;
    this.preview = null;
    this.formError = null;
    this.querySelector('#template-form')?.reset();
  }

  async submit(event) {
    event.preventDefault();
    const form = event.target;
    const body = { kind: form.elements.kind.value, name: form.elements.name.value, body: form.elements.body.value };
    if (this.editing) {
      await this.save(this.editing, { ...body, retired: this.editing.retired });
      return;
    }
    this.busy = true;
    this.formError = null;
    try {
      const added = await api('/api/interviews/templates', { method: 'POST', body });
      this.reset();
      announce(`Added: students can start from “${added.name}” now.`);
      await this.load();
    } catch (error) {
      this.formError = error;
    } finally {
      this.busy = false;
    }
  }

  /** Writes a change with the version read; a change made meanwhile is told and read again. */
  async save(t, body) {
    this.busy = true;
    this.formError = null;
    this.error = null;
    try {
      const saved = await api(`/api/interviews/templates/${encodeURIComponent(t.id)}`, { method: 'PUT', body, version: t.version });
      if (this.editing?.id === t.id) this.reset();
      announce(saved.retired ? `Retired: “${saved.name}” is no longer offered.` : `Saved: “${saved.name}”.`);
      await this.load();
    } catch (error) {
      if (error.status === 412) {
        this.reset();
        this.error = { title: 'Changed meanwhile', detail: 'Someone changed this template since you read it: here it is as it is now. Make your change again.' };
        await this.load();
      } else if (this.editing?.id === t.id) {
        this.formError = error;
      } else {
        this.error = error;
      }
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ii-templates', Templates);
