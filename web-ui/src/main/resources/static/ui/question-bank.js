// The career center's question bank, for advisors and admins: questions students are offered
// first, beside the built-in ones; each told, as a student would be, when a yes or no answers it or
// it asks for a job. Changed, recommended and retired (students keep the copies they took).
import { html, nothing } from 'lit';
import { api } from './api.js';
import { LightElement, announce, describedBy, empty, field, loading, problem, warningList } from './components.js';
import { label } from './words.js';

const TOPICS = ['DAY_TO_DAY', 'PATH_INTO_IT', 'FIELD_FUTURE', 'SKILLS_AND_PREPARATION', 'THE_ORGANIZATION', 'ADVICE', 'WHO_ELSE'];

class QuestionBankScreen extends LightElement {
  static properties = {
    me: { attribute: false },
    questions: { state: true },
    fields: { state: true },
    withRetired: { state: true },
    editing: { state: true },
    error: { state: true },
    addError: { state: true },
    editError: { state: true },
    busy: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    api('/api/contacts/career-fields')
      .then((fields) => (this.fields = fields.filter((f) => f.kind === 'CAREER_CLUSTER' && !f.retired)))
      .catch(() => (this.fields = []));
    this.load();
  }

  async load() {
    try {
      this.questions = await api(`/api/interviews/question-bank/curated?withRetired=${Boolean(this.withRetired)}`);
    } catch (error) {
      this.error = error;
      this.questions ??= [];
    }
  }

  render() {
    return html`<h1>Question bank</h1>
      <p>Your center's questions, offered to students first in their topic beside the built-in ones; the
        recommended ones marked. A student takes a copy: changing or retiring a question leaves theirs as it was.</p>
      ${this.form(null)}
      <h2 class="gap-above-more">Your center's questions</h2>
      <label class="choice"><input type="checkbox" .checked=${Boolean(this.withRetired)}
        @change=${(e) => { this.withRetired = e.target.checked; this.load(); }}> Show retired questions too</label>
      ${problem(this.error)}
      ${this.questions === undefined ? loading() : this.list()}`;
  }

  list() {
    if (this.questions.length === 0) {
      return empty('No question of your own yet: students see the built-in bank.');
    }
    return html`<div class="card"><ul class="list">${this.questions.map((q) => html`<li>
      ${this.editing === q.id
        ? this.form(q)
        : html`<p><strong>${q.text}</strong>
            ${q.recommended ? html` <span class="badge ok">recommended</span>` : nothing}
            ${q.retired ? html` <span class="badge warn">retired</span>` : nothing}</p>
          <p class="muted">${label(q.topic)}${q.careerField ? html` · ${this.fieldName(q.careerField)}` : ' · every career field'}</p>
          ${warningList(q.warnings, `q-${q.id}-warnings`)}
          <div class="actions">
            <button class="secondary" aria-label=${`Change: ${q.text}`} @click=${() => (this.editing = q.id)}>Change</button>
            <button class="secondary" ?disabled=${this.busy} aria-label=${`${q.retired ? 'Offer again' : 'Retire'}: ${q.text}`}
              @click=${() => this.save(q, { ...request(q), retired: !q.retired })}>${q.retired ? 'Offer again' : 'Retire'}</button>
          </div>`}
    </li>`)}</ul></div>`;
  }

  fieldName(code) {
    return this.fields?.find((f) => f.code === code)?.name ?? label(code);
  }

  /** The form to add a question (`q` null) or to change one. */
  form(q) {
    const id = (name) => `${q ? `q-${q.id}` : 'new-question'}-${name}`;
    const error = (q ? this.editError : this.addError) ?? null;
    const errors = error?.fields || {};
    return html`<form class=${q ? '' : 'card'} @submit=${(e) => this.submit(e, q)}
        aria-label=${q ? `Change the question: ${q.text}` : 'Add a question'}>
      ${q ? nothing : html`<h2>Add a question</h2>`}
      ${field({
        id: id('text'),
        label: 'The question',
        hint: 'Open: how, what or why. About learning, never about a job.',
        error: errors.text,
        control: html`<textarea id=${id('text')} name="text" required maxlength="300" rows="2"
          .value=${q?.text ?? ''}
          aria-invalid=${errors.text ? 'true' : nothing} aria-describedby=${describedBy(id('text'), 'hint', errors.text)}></textarea>`,
      })}
      <div class="grid">
        ${field({
          id: id('topic'),
          label: 'Topic',
          error: errors.topic,
          control: html`<select id=${id('topic')} name="topic">
            ${TOPICS.map((t) => html`<option value=${t} ?selected=${t === (q?.topic ?? 'DAY_TO_DAY')}>${label(t)}</option>`)}
          </select>`,
        })}
        ${field({
          id: id('field'),
          label: 'For students exploring',
          error: errors.careerField,
          control: html`<select id=${id('field')} name="careerField">
            <option value="">Every career field</option>
            ${(this.fields || []).map((f) => html`<option value=${f.code} ?selected=${f.code === q?.careerField}>${f.name}</option>`)}
          </select>`,
        })}
      </div>
      <label class="choice"><input type="checkbox" id=${id('recommended')} name="recommended" ?checked=${q?.recommended}> Recommended by the center (offered first, marked)</label>
      ${error && Object.keys(errors).length === 0 ? problem(error) : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${q ? 'Save' : 'Add the question'}</button>
        ${q ? html`<button type="button" class="secondary" @click=${() => { this.editing = null; this.editError = null; }}>Cancel</button>` : nothing}
      </div>
    </form>`;
  }

  async submit(event, q) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = {
      text: form.get('text'),
      topic: form.get('topic'),
      careerField: form.get('careerField') || null,
      recommended: form.get('recommended') === 'on',
    };
    if (q) {
      await this.save(q, { ...body, retired: q.retired });
      return;
    }
    this.busy = true;
    this.addError = null;
    try {
      const added = await api('/api/interviews/question-bank/curated', { method: 'POST', body });
      event.target.reset();
      announce(added.warnings.length
        ? `Added, with a warning: ${added.warnings[0].message}`
        : 'Added: students are offered it now.');
      await this.load();
    } catch (error) {
      this.addError = error;
    } finally {
      this.busy = false;
    }
  }

  /** Writes a change with the version read; a change made meanwhile is told and read again. */
  async save(q, body) {
    this.busy = true;
    this.editError = null;
    this.error = null;
    try {
      const saved = await api(`/api/interviews/question-bank/curated/${encodeURIComponent(q.id)}`, {
        method: 'PUT',
        body,
        version: q.version,
      });
      this.editing = null;
      announce(saved.retired ? 'Retired: no longer offered.' : 'Saved.');
      await this.load();
    } catch (error) {
      if (error.status === 412) {
        this.editing = null;
        this.error = { title: 'Changed meanwhile', detail: 'Someone changed this question since you read it: here it is as it is now. Make your change again.' };
        await this.load();
      } else if (this.editing === q.id) {
        this.editError = error;
      } else {
        this.error = error;
      }
    } finally {
      this.busy = false;
    }
  }
}

function request(q) {
  return { text: q.text, topic: q.topic, careerField: q.careerField, recommended: q.recommended };
}

customElements.define('ii-question-bank-screen', QuestionBankScreen);
