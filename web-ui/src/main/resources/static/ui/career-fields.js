// Career fields, for admins: the taxonomy students search by (career clusters and industries:
// added, renamed, retired without losing them on contacts) and the table that files imported
// people under them by their major, title or employer, saved and applied to the directory.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { LightElement, announce, describedBy, empty, field, loading, problem } from './components.js';
import { when, zoneName } from './time.js';

const SOURCES = { MAJOR: 'Major', JOB_TITLE: 'Job title', ORGANIZATION: 'Employer' };
const KINDS = { CAREER_CLUSTER: 'Career cluster', INDUSTRY: 'Industry' };

class CareerFields extends LightElement {
  static properties = {
    me: { attribute: false },
    taxonomy: { state: true },
    table: { state: true },
    rules: { state: true },
    editing: { state: true },
    error: { state: true },
    addError: { state: true },
    rulesError: { state: true },
    busy: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.following);
  }

  async load() {
    try {
      const [taxonomy, table] = await Promise.all([api('/api/contacts/career-fields'), api('/api/contacts/career-field-rules')]);
      this.taxonomy = taxonomy;
      this.showTable(table);
    } catch (error) {
      this.error = error;
    }
  }

  /**
   * The stored table; its rules become the editable rows. Fields are written by code (names such
   * as "Agriculture, Food & Natural Resources" hold commas); a name without one is taken too.
   */
  showTable(table) {
    this.table = table;
    this.rules = table.rules.map((rule) => ({
      source: rule.source,
      words: rule.words,
      careerFields: rule.careerFields.join(', '),
      industry: rule.industry ?? '',
    }));
    this.follow();
  }

  render() {
    return html`<h1>Career fields</h1>
      <p>What students search alumni by, and how imported people are filed under it.</p>
      ${problem(this.error)}
      ${this.taxonomy === undefined && !this.error ? loading() : nothing}
      ${this.taxonomy ? this.taxonomyPart() : nothing}
      ${this.table ? this.rulesPart() : nothing}`;
  }

  taxonomyPart() {
    return html`<section class="gap-below-more" aria-labelledby="taxonomy-heading">
      <h2 id="taxonomy-heading">The fields</h2>
      <p class="muted">A retired field stays on the people who have it and is no longer offered.</p>
      ${Object.entries(KINDS).map(([kind, words]) => this.kindTable(kind, words))}
      ${this.addForm()}
    </section>`;
  }

  kindTable(kind, words) {
    const fields = this.taxonomy.filter((f) => f.kind === kind);
    return html`<div class="table-wrap card gap-below">
      <table>
        <caption>${words === 'Industry' ? 'Industries' : 'Career clusters'} (${fields.length})</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Code</th><th scope="col">State</th>
          <th scope="col"><span class="visually-hidden">Change</span></th></tr></thead>
        <tbody>${fields.map((f) => (this.editing?.code === f.code ? this.editRow(f) : this.row(f)))}</tbody>
      </table>
    </div>`;
  }

  row(f) {
    return html`<tr>
      <td>${f.name}</td><td><code>${f.code}</code></td>
      <td>${f.retired ? html`<span class="badge warn">retired</span>` : 'offered'}</td>
      <td><button class="secondary" aria-label=${`Change ${f.name}`} @click=${() => (this.editing = { code: f.code })}>Change</button></td>
    </tr>`;
  }

  editRow(f) {
    const error = this.editing.error?.fields || {};
    const id = `rename-${f.code}`;
    return html`<tr><td colspan="4">
      <form @submit=${(e) => this.rename(e, f)} aria-label=${`Change ${f.name}`}>
        ${field({
          id,
          label: `Name of ${f.code}`,
          error: error.name,
          control: html`<input id=${id} name="name" required maxlength="100" .value=${f.name}
            aria-invalid=${error.name ? 'true' : nothing} aria-describedby=${describedBy(id, null, error.name)}>`,
        })}
        <label class="choice"><input type="checkbox" name="retired" ?checked=${f.retired}> Retired (no longer offered)</label>
        ${problem(this.editing.error && !error.name ? this.editing.error : null)}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>Save</button>
          <button type="button" class="secondary" @click=${() => (this.editing = null)}>Cancel</button>
        </div>
      </form>
    </td></tr>`;
  }

  async rename(event, f) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.busy = true;
    try {
      const changed = await api(`/api/contacts/career-fields/${encodeURIComponent(f.code)}`, {
        method: 'PUT',
        body: { name: form.get('name'), retired: form.get('retired') === 'on' },
      });
      this.taxonomy = this.taxonomy.map((old) => (old.code === f.code ? changed : old));
      this.editing = null;
      announce(`Saved: ${changed.name}${changed.retired ? ', retired' : ''}.`);
    } catch (error) {
      this.editing = { code: f.code, error };
    } finally {
      this.busy = false;
    }
  }

  addForm() {
    const error = this.addError?.fields || {};
    const input = (name, words, hint, attrs) =>
      field({
        id: `add-field-${name}`,
        label: words,
        hint,
        error: error[name],
        control: html`<input id="add-field-${name}" name=${name} required maxlength=${attrs.max}
          aria-invalid=${error[name] ? 'true' : nothing} aria-describedby=${describedBy(`add-field-${name}`, hint, error[name])}>`,
      });
    return html`<form class="card" @submit=${(e) => this.add(e)} aria-labelledby="add-field-heading">
      <h3 id="add-field-heading">Add a field</h3>
      <div class="grid">
        ${input('name', 'Name', 'As students read it: Data science', { max: 100 })}
        ${input('code', 'Code', 'Upper case letters, digits and _: DATA_SCIENCE', { max: 64 })}
        ${field({
          id: 'add-field-kind',
          label: 'Kind',
          error: error.kind,
          control: html`<select id="add-field-kind" name="kind">
            ${Object.entries(KINDS).map(([value, words]) => html`<option value=${value}>${words}</option>`)}
          </select>`,
        })}
      </div>
      ${problem(this.addError && Object.keys(error).length === 0 ? this.addError : null)}
      <div class="actions"><button type="submit" ?disabled=${this.busy}>Add the field</button></div>
    </form>`;
  }

  async add(event) {
    event.preventDefault();
    const form = event.target;
    const body = Object.fromEntries(new FormData(form).entries());
    this.busy = true;
    this.addError = null;
    try {
      const added = await api('/api/contacts/career-fields', { method: 'POST', body });
      this.taxonomy = [...this.taxonomy, added];
      form.reset();
      announce(`Added: ${added.name}.`);
    } catch (error) {
      this.addError = error;
    } finally {
      this.busy = false;
    }
  }

  rulesPart() {
    const table = this.table;
    return html`<section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Filing imported people</h2>
      <p>When every word of a rule is a word of a person's major, job title or employer, imports file them
        under its career fields and industry. A word ending in <code>*</code> also matches longer words
        (<code>nurs*</code>: nursing, nurse). Nothing a person, an admin or a file set is ever replaced.</p>
      <p class="muted">Version ${table.version}${table.updatedBy
        ? html`, saved ${when(table.updatedAt)}${table.updatedBy === this.me.userId ? ' by you' : ''}`
        : ', as the platform ships it'}; times in ${zoneName()}.</p>
      <datalist id="industries">${this.taxonomy
        .filter((f) => f.kind === 'INDUSTRY' && !f.retired)
        .map((f) => html`<option value=${f.code}>${f.name}</option>`)}</datalist>
      <form @submit=${(e) => this.saveRules(e)} aria-label="The rules">
        ${this.rules.length === 0 ? empty('No rule: imports file nobody.') : nothing}
        <ol class="list rules">${this.rules.map((rule, i) => this.ruleRow(rule, i))}</ol>
        ${this.rulesError && Object.keys(this.rulesError.fields).length
          ? html`<div class="notice bad" role="alert"><strong>Not saved</strong>
              <p>${this.rulesError.title}: each rule refused says why beside it.</p></div>`
          : problem(this.rulesError)}
        <div class="actions">
          <button type="button" class="secondary" @click=${() => this.addRule()}>Add a rule</button>
          <button type="submit" ?disabled=${this.busy}>Save the rules</button>
        </div>
      </form>
      ${this.applyPart(table)}
    </section>`;
  }

  ruleRow(rule, i) {
    const errors = this.rulesError?.fields || {};
    const at = `rules[${i}]`;
    const fieldsError = Object.entries(errors).find(([name]) => name.startsWith(`${at}.careerFields`))?.[1];
    const set = (name) => (e) => {
      rule[name] = e.target.value;
    };
    const id = (name) => `rule-${i}-${name}`;
    return html`<li>
      <fieldset>
        <legend>Rule ${i + 1}</legend>
        ${errors[at] ? html`<p class="error" id="${id('all')}-error">${errors[at]}</p>` : nothing}
        <div class="grid">
          ${field({
            id: id('source'),
            label: 'Looks in',
            control: html`<select id=${id('source')} @change=${set('source')}>
              ${Object.entries(SOURCES).map(([value, words]) => html`<option value=${value} ?selected=${value === rule.source}>${words}</option>`)}
            </select>`,
          })}
          ${field({
            id: id('words'),
            label: 'Words',
            error: errors[`${at}.words`],
            control: html`<input id=${id('words')} required maxlength="100" .value=${rule.words} @input=${set('words')}
              aria-invalid=${errors[`${at}.words`] ? 'true' : nothing} aria-describedby=${describedBy(id('words'), null, errors[`${at}.words`])}>`,
          })}
          ${field({
            id: id('fields'),
            label: 'Career fields',
            hint: 'Codes of the fields above, separated by commas',
            error: fieldsError,
            control: html`<input id=${id('fields')} .value=${rule.careerFields} @input=${set('careerFields')}
              aria-invalid=${fieldsError ? 'true' : nothing} aria-describedby=${describedBy(id('fields'), 'hint', fieldsError)}>`,
          })}
          ${field({
            id: id('industry'),
            label: 'Industry',
            error: errors[`${at}.industry`],
            control: html`<input id=${id('industry')} list="industries" .value=${rule.industry} @input=${set('industry')}
              aria-invalid=${errors[`${at}.industry`] ? 'true' : nothing} aria-describedby=${describedBy(id('industry'), null, errors[`${at}.industry`])}>`,
          })}
        </div>
        <div class="actions"><button type="button" class="secondary" aria-label=${`Remove rule ${i + 1}`}
          @click=${() => (this.rules = this.rules.filter((r) => r !== rule))}>Remove</button></div>
      </fieldset>
    </li>`;
  }

  addRule() {
    this.rules = [...this.rules, { source: 'JOB_TITLE', words: '', careerFields: '', industry: '' }];
    this.updateComplete.then(() => document.getElementById(`rule-${this.rules.length - 1}-words`)?.focus());
  }

  async saveRules(event) {
    event.preventDefault();
    this.busy = true;
    this.rulesError = null;
    const rules = this.rules.map((rule) => ({
      source: rule.source,
      words: rule.words.trim(),
      careerFields: rule.careerFields.split(',').map((s) => s.trim()).filter(Boolean),
      industry: rule.industry.trim() || null,
    }));
    try {
      this.showTable(await api('/api/contacts/career-field-rules', { method: 'PUT', body: { rules } }));
      announce(`Saved: ${rules.length} rules. Apply them to file the people already in the directory.`);
    } catch (error) {
      this.rulesError = error;
      // the first rule refused, shown and focused (the form is long)
      const first = Object.keys(error.fields || {}).map((name) => /^rules\[(\d+)\]/.exec(name)?.[1]).find(Boolean);
      if (first !== undefined) {
        this.updateComplete.then(() => document.getElementById(`rule-${first}-words`)?.closest('fieldset')?.scrollIntoView());
      }
    } finally {
      this.busy = false;
    }
  }

  applyPart(table) {
    const last = table.lastApply;
    const running = last && !last.finishedAt;
    return html`<div class="card gap-above" aria-live="polite">
      <h3>Apply to the directory</h3>
      <p>Files the people already in the directory by the saved rules; values the rules gave before follow them.</p>
      ${last
        ? html`<p>${running ? 'Applying' : 'Last applied'} version ${last.version}, started ${when(last.startedAt)}:
            ${last.seen} people read, ${last.changed} changed${last.finishedAt ? html`, finished ${when(last.finishedAt)}` : '…'}
            ${last.failure ? html`<br><strong>${last.failure}</strong>` : nothing}</p>`
        : html`<p class="muted">Not applied yet.</p>`}
      <div class="actions"><button ?disabled=${this.busy || running} @click=${() => this.apply()}>Apply the rules now</button></div>
    </div>`;
  }

  async apply() {
    this.busy = true;
    this.rulesError = null;
    try {
      this.table = await api('/api/contacts/career-field-rules/apply', { method: 'POST' });
      this.follow();
    } catch (error) {
      this.rulesError = error;
    } finally {
      this.busy = false;
    }
  }

  /** While a pass runs, its counts are read again every second. */
  follow() {
    clearTimeout(this.following);
    if (this.table?.lastApply && !this.table.lastApply.finishedAt) {
      this.following = setTimeout(async () => {
        try {
          this.table = await api('/api/contacts/career-field-rules');
          if (this.table.lastApply?.finishedAt) {
            announce(`Applied: ${this.table.lastApply.changed} people changed.`);
          }
          this.follow();
        } catch (error) {
          this.error = error;
        }
      }, 1000);
    }
  }
}

customElements.define('ii-career-fields', CareerFields);
