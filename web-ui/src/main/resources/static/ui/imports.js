// Imports: the admin's alumni files, and a student's own contacts (LinkedIn connections, a Google
// or Outlook address book) into contacts only they see. A file checked first (what would be
// imported, what is refused and why, consent), then imported with a live progress bar and its time
// left; cancelled while it runs; its error report; undone.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { LightElement, announce, confirmed, empty, field, loading, problem } from './components.js';
import { when, zoneName } from './time.js';

const FINISHED = ['COMPLETED', 'CANCELLED', 'FAILED', 'UNDONE'];

class Imports extends LightElement {
  /** Where these imports are: the directory's. */
  get base() {
    return '/api/contacts/imports';
  }

  /** The screen's words: heading, file label, the profile chosen first, the list's heading. */
  get words() {
    return {
      heading: 'Alumni imports',
      intro: html`<p>A file your alumni database exported, read with a column profile
        (<a href="/imports/profiles">column profiles</a>: make one for your export's columns).</p>`,
      file: 'The file (CSV, as your alumni database exports it)',
      chosen: 'alumni-db-export',
      latest: 'Latest imports',
    };
  }

  static properties = {
    me: { attribute: false },
    profiles: { state: true },
    preview: { state: true },
    job: { state: true },
    recent: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    api(`${this.base}/profiles`)
      .then((profiles) => (this.profiles = profiles))
      .catch((error) => (this.error = error));
    this.refresh();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  refresh() {
    api(this.base).then((recent) => (this.recent = recent)).catch(() => {});
  }

  render() {
    const w = this.words;
    return html`<h1>${w.heading}</h1>
      ${w.intro}
      <p class="muted">Times are in your time zone, ${zoneName()}.</p>
      ${problem(this.error)}
      ${this.waiting()}
      <form class="card" @submit=${this.check} novalidate aria-labelledby="upload-heading">
        <h2 id="upload-heading">Import a file</h2>
        ${field({
          id: 'import-file',
          label: w.file,
          control: html`<input id="import-file" name="file" type="file" accept=".csv,text/csv" required
            @change=${() => (this.preview = null)}>`,
        })}
        ${field({
          id: 'import-profile',
          label: 'Its columns',
          control: html`<select id="import-profile" name="profile" @change=${() => (this.preview = null)}>
            ${w.chosen ? nothing : html`<option value="" selected>Whatever it is: its columns tell</option>`}
            ${(this.profiles || []).map(
              (p) => html`<option value=${p.name} ?selected=${p.name === w.chosen}>${p.name}: ${p.description}</option>`,
            )}
          </select>`,
        })}
        <button type="submit" class="secondary" ?disabled=${this.busy}>${this.busy === 'check' ? 'Checking…' : 'Check the file'}</button>
      </form>
      ${this.preview ? this.previewCard(this.preview) : nothing}
      ${this.job ? this.jobCard(this.job) : nothing}
      <h2 class="gap-above-more">${w.latest}</h2>
      ${this.recent === undefined ? loading() : this.recent.length ? this.table(this.recent) : empty('No import yet.')}`;
  }

  /** What waits for a decision, above the form: nothing for the directory's imports. */
  waiting() {
    return nothing;
  }

  form() {
    const form = this.querySelector('form');
    const file = form.elements.file.files[0];
    if (!file) {
      this.error = { title: 'No file chosen', detail: 'Choose the CSV file to import.' };
      return null;
    }
    const data = new FormData();
    data.append('file', file, file.name);
    const profile = form.elements.profile.value;
    return { data, profile: profile ? `profile=${encodeURIComponent(profile)}` : '' };
  }

  /** The dry run: nothing is stored. */
  async check(event) {
    event.preventDefault();
    const upload = this.form();
    if (!upload) return;
    this.busy = 'check';
    this.error = null;
    this.job = null;
    try {
      this.preview = await api(`${this.base}?dryRun=true&${upload.profile}`, {
        method: 'POST',
        form: upload.data,
      });
      announce(`Checked: ${this.preview.validRows} of ${this.preview.rows} rows can be imported.`);
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = null;
    }
  }

  previewCard(p) {
    return html`<section class="card gap-above" aria-labelledby="preview-heading">
      <h2 id="preview-heading">What the import would do</h2>
      <p><strong>${p.validRows}</strong> of ${p.rows} rows can be imported; ${p.failedRows} would be refused.
        Read as ${p.encoding}, separated by “${p.delimiter === '\t' ? 'tab' : p.delimiter}”, headers on row ${p.headerRow}.</p>
      ${this.words.chosen
        ? html`<p>Consent: ${p.consent.optedIn} opted in, ${p.consent.notOptedIn} not, ${p.consent.doNotContact} do not contact.</p>`
        : html`<p>Read as ${p.profile}.</p>`}
      ${p.unmappedHeaders.length ? html`<p class="notice warn" role="status">Columns not imported: ${p.unmappedHeaders.join(', ')}</p>` : nothing}
      ${p.warnings.length ? html`<div class="notice warn" role="status"><ul>${p.warnings.map((w) => html`<li>${w}</li>`)}</ul></div>` : nothing}
      ${p.problems.length
        ? html`<details><summary>What would be refused (${p.problems.length}${p.problemsTruncated ? '+' : ''})</summary>
            <div class="table-wrap"><table>
              <thead><tr><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">Why</th></tr></thead>
              <tbody>${p.problems.slice(0, 50).map((x) => html`<tr><td>${x.row}</td><td>${x.column}</td><td>${x.value}</td><td>${x.reason}</td></tr>`)}</tbody>
            </table></div></details>`
        : nothing}
      <div class="actions">
        <button ?disabled=${this.busy || p.validRows === 0} @click=${this.start}>${this.busy === 'start' ? 'Starting…' : `Import ${p.validRows} rows`}</button>
      </div>
    </section>`;
  }

  async start() {
    const upload = this.form();
    if (!upload) return;
    this.busy = 'start';
    this.error = null;
    try {
      this.job = await api(`${this.base}?${upload.profile}`, {
        method: 'POST',
        form: upload.data,
      });
      this.preview = null;
      this.follow();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = null;
    }
  }

  /** Reads the job again every second until it ends. */
  follow() {
    clearTimeout(this.timer);
    if (FINISHED.includes(this.job.status)) {
      announce(`The import ${this.job.status.toLowerCase()}: ${this.job.created} new, ${this.job.updated} updated, ${this.job.unchanged} unchanged, ${this.job.failed} refused.`);
      this.refresh();
      return;
    }
    this.timer = setTimeout(async () => {
      try {
        this.job = await api(`${this.base}/${encodeURIComponent(this.job.id)}`);
      } catch (error) {
        this.error = error;
      }
      this.follow();
    }, 1000);
  }

  async act(what) {
    if (what === 'undo' && !(await confirmed({
      title: 'Undo this import?',
      body: 'The contacts it added are removed and the ones it changed are put back as they were, unless changed since.',
      yes: 'Yes, undo it',
    }))) {
      return;
    }
    this.busy = what;
    this.error = null;
    try {
      this.job = await api(`${this.base}/${encodeURIComponent(this.job.id)}/${what}`, { method: 'POST' });
      this.follow();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = null;
    }
  }

  jobCard(job) {
    const running = !FINISHED.includes(job.status);
    const p = job.progress;
    return html`<section class="card gap-above" aria-labelledby="job-heading">
      <h2 id="job-heading">${job.fileName}: <span class="badge ${job.status === 'COMPLETED' ? 'ok' : job.status === 'FAILED' ? 'bad' : ''}">${job.status.toLowerCase()}</span></h2>
      <label for="job-progress">${p.rowsRead} of ${p.totalRows} rows read${running && p.etaSeconds != null ? `, about ${eta(p.etaSeconds)} left` : ''}</label>
      <progress class="wide" id="job-progress" max="100" value=${p.percent}>${p.percent} %</progress>
      <p>${job.created} new, ${job.updated} updated, ${job.unchanged} unchanged, ${job.failed} refused${
        job.problems ? `, ${job.problems} ${job.problems === 1 ? 'problem' : 'problems'} noted` : ''}.</p>
      ${job.status === 'UNDOING' ? html`<p role="status">Undoing: the contacts it made or changed are being put back.</p>` : nothing}
      ${job.status === 'UNDONE' && job.undo
        ? html`<p>Undone: ${job.undo.removed} removed, ${job.undo.restored} restored, ${job.undo.kept} kept (changed since).</p>`
        : nothing}
      <div class="actions">
        ${running && job.status !== 'UNDOING' ? html`<button class="secondary" ?disabled=${this.busy} @click=${() => this.act('cancel')}>Cancel the import</button>` : nothing}
        ${job.failed + job.problems > 0 ? html`<a href=${job.errorReport} download>Download the error report</a>` : nothing}
        ${job.status === 'COMPLETED' || job.status === 'CANCELLED'
          ? html`<button class="secondary" ?disabled=${this.busy} @click=${() => this.act('undo')}>Undo this import</button>`
          : nothing}
      </div>
    </section>`;
  }

  table(imports) {
    return html`<div class="table-wrap card"><table>
      <caption class="visually-hidden">Latest imports</caption>
      <thead><tr><th scope="col">File</th><th scope="col">Started</th><th scope="col">State</th><th scope="col">New</th><th scope="col">Updated</th><th scope="col">Refused</th></tr></thead>
      <tbody>${imports.map(
        (job) => html`<tr>
          <td><button class="link" @click=${() => { this.job = job; this.follow(); }}>${job.fileName}</button></td>
          <td>${when(job.startedAt || job.createdAt)}</td>
          <td>${job.status.toLowerCase()}</td><td>${job.created}</td><td>${job.updated}</td><td>${job.failed}</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  }
}

function eta(seconds) {
  return seconds < 90 ? `${Math.max(1, Math.round(seconds))} s` : `${Math.round(seconds / 60)} min`;
}

/**
 * A student's own contacts: only they see them; the same file again changes nothing. Two of their
 * contacts an import could not tell apart (one name at one organization) are shown to decide.
 */
class MyImports extends Imports {
  static properties = { ...Imports.properties, matches: { state: true } };

  get base() {
    return '/api/contacts/me/imports';
  }

  refresh() {
    super.refresh();
    api('/api/contacts/me/matches')
      .then((reviews) =>
        Promise.all(
          reviews.map(async (review) => ({
            review,
            first: await api(`/api/contacts/contacts/${encodeURIComponent(review.firstId)}`),
            second: await api(`/api/contacts/contacts/${encodeURIComponent(review.secondId)}`),
          })),
        ),
      )
      .then((matches) => (this.matches = matches))
      .catch(() => {});
  }

  waiting() {
    return this.matches?.length ? this.matchesCard(this.matches) : nothing;
  }

  matchesCard(matches) {
    const who = (c) => [c.displayName, c.jobTitle, c.organizationName].filter(Boolean).join(', ');
    return html`<section class="card gap-below" aria-labelledby="matches-heading">
      <h2 id="matches-heading">Maybe the same person</h2>
      <p>Your imports could not tell these apart. Nothing is merged until you say so.</p>
      <ul class="list">${matches.map(
        ({ review, first, second }) => html`<li>
          <strong>${who(first)}</strong> and <strong>${who(second)}</strong>
          <ul class="muted">${review.explanation.map((line) => html`<li>${line}</li>`)}</ul>
          <div class="actions">
            <button ?disabled=${this.busy} @click=${() => this.decide(review, 'merge', first.id)}>The same person: keep one</button>
            <button class="secondary" ?disabled=${this.busy} @click=${() => this.decide(review, 'distinct')}>Two people</button>
          </div>
        </li>`,
      )}</ul>
    </section>`;
  }

  async decide(review, what, survivorId) {
    this.busy = what;
    this.error = null;
    try {
      await api(`/api/contacts/me/matches/${encodeURIComponent(review.id)}/${what}`, {
        method: 'POST',
        body: what === 'merge' ? { survivorId } : undefined,
      });
      announce(what === 'merge' ? 'Merged into one contact.' : 'Kept as two people.');
      this.refresh();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = null;
    }
  }

  get words() {
    return {
      heading: 'Bring your own contacts',
      intro: html`<p>Your LinkedIn connections or your address book, as people you may ask for a conversation.
          Only you see them. Importing the same file again changes nothing; an import can be undone.</p>
        <details><summary>How to get the file</summary><ul>
          <li>LinkedIn: Settings, Data privacy, Get a copy of your data, Connections. The file is <code>Connections.csv</code>.</li>
          <li>Google Contacts: Export, Google CSV.</li>
          <li>Outlook: File, Open &amp; Export, Import/Export, Export to a file, Comma Separated Values.</li>
        </ul></details>`,
      file: 'The file (CSV from LinkedIn, Google Contacts or Outlook)',
      chosen: '',
      latest: 'My imports',
    };
  }
}

customElements.define('ii-imports', Imports);
customElements.define('ii-my-imports', MyImports);
