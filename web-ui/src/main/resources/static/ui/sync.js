// The alumni database sync, for admins: where the university's alumni API is, how to sign in to it
// (the key or secret itself stays in the environment, never on a page), when to read it, and a run
// now (the changes since the last, or everything), followed on the imports page.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { LightElement, announce, describedBy, field, loading, problem } from './components.js';
import { when, zoneName } from './time.js';

const AUTH = { NONE: 'None', API_KEY: 'An API key (ALUMNI_API_KEY)', CLIENT_CREDENTIALS: 'OAuth client credentials (ALUMNI_API_CLIENT_SECRET)' };

class Sync extends LightElement {
  static properties = {
    me: { attribute: false },
    settings: { state: true },
    auth: { state: true },
    error: { state: true },
    formError: { state: true },
    busy: { state: true },
    run: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const { value, version } = await api('/api/contacts/alumni-sync', { tagged: true });
      this.settings = { ...value, version };
    } catch (error) {
      if (error.status === 404) {
        this.settings = null; // not set up yet: an empty form
      } else {
        this.error = error;
      }
    }
    this.auth = this.settings?.authentication ?? 'API_KEY';
  }

  render() {
    return html`<h1>Alumni database sync</h1>
      <p>Reads the university's alumni database through its API, on a schedule or now, into the directory, as an
        import would (the same rules, error report and undo). Times in ${zoneName()}.</p>
      ${problem(this.error)}
      ${this.settings === undefined && !this.error ? loading() : nothing}
      ${this.settings !== undefined ? html`${this.state()} ${this.form()}` : nothing}`;
  }

  state() {
    const s = this.settings;
    if (!s) {
      return html`<p class="notice warn">Not set up yet.</p>`;
    }
    return html`<div class="card gap-below" aria-live="polite">
      ${s.secretConfigured ? nothing : html`<p class="notice bad"><strong>The secret is not set.</strong> Set it in the
        environment of contacts-service (${s.authentication === 'API_KEY' ? 'ALUMNI_API_KEY' : 'ALUMNI_API_CLIENT_SECRET'}); no run can sign in without it.</p>`}
      <p>${s.enabled && s.nextScheduledRun ? html`Next run ${when(s.nextScheduledRun)}.` : 'No run is scheduled.'}
        ${s.watermark ? html` The last completed run saw changes up to ${when(s.watermark)}.` : ' No run has completed yet.'}</p>
      <div class="actions">
        <button ?disabled=${this.busy} @click=${() => this.start(false)}>Run now: the changes since the last run</button>
        <button class="secondary" ?disabled=${this.busy} @click=${() => this.start(true)}>Run now: everything</button>
      </div>
      ${this.run ? html`<p>Started. <a href="/imports">Follow it on Alumni imports</a>.</p>` : nothing}
    </div>`;
  }

  form() {
    const s = this.settings || {};
    const errors = this.formError?.fields || {};
    const text = (name, words, hint, attrs = {}) =>
      field({
        id: `sync-${name}`,
        label: words,
        hint,
        error: errors[name],
        control: html`<input id="sync-${name}" name=${name} .value=${s[name] ?? attrs.value ?? ''} maxlength=${attrs.max ?? 2000}
          ?required=${attrs.required} type=${attrs.type ?? 'text'}
          aria-invalid=${errors[name] ? 'true' : nothing} aria-describedby=${describedBy(`sync-${name}`, hint, errors[name])}>`,
      });
    return html`<form class="card" @submit=${(e) => this.save(e)} aria-labelledby="sync-form-heading">
      <h2 id="sync-form-heading">Settings</h2>
      ${text('baseUrl', 'The API\u2019s list address', 'https, such as https://alumni.example.edu/api/v1/alumni', { required: true })}
      <div class="grid">
        ${field({
          id: 'sync-pagination',
          label: 'Paging',
          control: html`<select id="sync-pagination" name="pagination">
            <option value="CURSOR" ?selected=${s.pagination !== 'PAGE'}>A cursor from each page</option>
            <option value="PAGE" ?selected=${s.pagination === 'PAGE'}>Page numbers</option>
          </select>`,
        })}
        ${text('pageSize', 'Records per page', '1 to 1000', { type: 'number', value: 200, max: 4 })}
        ${field({
          id: 'sync-authentication',
          label: 'Signing in to the API',
          error: errors.authentication,
          control: html`<select id="sync-authentication" name="authentication" @change=${(e) => (this.auth = e.target.value)}>
            ${Object.entries(AUTH).map(([value, words]) => html`<option value=${value} ?selected=${value === this.auth}>${words}</option>`)}
          </select>`,
        })}
        ${this.auth === 'API_KEY' ? text('apiKeyHeader', 'The key\u2019s header', 'X-API-Key when left empty', { max: 100 }) : nothing}
        ${this.auth === 'CLIENT_CREDENTIALS'
          ? html`${text('tokenUrl', 'Token address', 'https')} ${text('clientId', 'Client id', null, { max: 200 })}
              ${text('scope', 'Scope', null, { max: 500 })}`
          : nothing}
        ${text('profile', 'Column profile', 'alumni-db-api when left empty', { max: 100 })}
        ${text('schedule', 'Schedule', 'Six-field cron: 0 0 2 * * * is 2 a.m. daily', { max: 120 })}
        ${text('zone', 'The schedule\u2019s time zone', 'UTC when left empty', { max: 64 })}
      </div>
      <label class="choice"><input type="checkbox" name="enabled" id="sync-enabled" ?checked=${s.enabled}> Run on the schedule</label>
      ${this.formError && Object.keys(errors).length === 0 ? problem(this.formError) : nothing}
      <div class="actions"><button type="submit" ?disabled=${this.busy}>Save the settings</button></div>
    </form>`;
  }

  async save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = {};
    for (const [name, value] of form.entries()) {
      body[name] = typeof value === 'string' ? value.trim() || null : value;
    }
    body.enabled = form.get('enabled') === 'on';
    body.pageSize = body.pageSize ? Number(body.pageSize) : null;
    this.busy = true;
    this.formError = null;
    try {
      const { value, version } = await api('/api/contacts/alumni-sync', {
        method: 'PUT',
        body,
        version: this.settings?.version,
        tagged: true,
      });
      this.settings = { ...value, version };
      announce('Saved.');
    } catch (error) {
      if (error.status === 412) {
        this.error = { title: 'Changed meanwhile', detail: 'Another admin changed the settings since you opened them: here they are as they are now. Make your change again.' };
        await this.load();
      } else {
        this.formError = error;
      }
    } finally {
      this.busy = false;
    }
  }

  async start(full) {
    this.busy = true;
    this.error = null;
    try {
      this.run = await api(`/api/contacts/alumni-sync/runs?full=${full}`, { method: 'POST' });
      announce('The run has started.');
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ii-sync', Sync);
