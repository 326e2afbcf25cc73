// The shared pieces every screen uses: light-DOM elements (the one stylesheet applies, labels and
// fields stay in one tree for assistive technology), a field with its error, the notice of a
// failed call, an empty state, and announcements for results that arrive later.
import { LitElement, html, nothing } from 'lit';
import { api } from './api.js';

/** A Lit element rendered into itself rather than a shadow root. */
export class LightElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}

/**
 * A screen that shows what one API call answers: `loaded` holds the answer, `error` the problem;
 * the call is made when the screen is shown. Subclasses name it in `static source`.
 */
export class ApiScreen extends LightElement {
  static properties = { me: { attribute: false }, loaded: { state: true }, error: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    api(this.constructor.source)
      .then((answer) => (this.loaded = answer))
      .catch((error) => (this.error = error));
  }

  /** The problem, a progress line while waiting, then `content(answer)`. */
  render() {
    return html`${this.heading()} ${problem(this.error)}
      ${this.loaded === undefined && !this.error ? loading() : nothing}
      ${this.loaded !== undefined ? this.content(this.loaded) : nothing}`;
  }

  heading() {
    return nothing;
  }
}

/**
 * A list read a page at a time (`static pageSize` rows): `fetchPage(number, lastRow)` answers a
 * page's rows (by its number from 0, or after the last row shown); `load()` reads the first page
 * again, `moreButton()` offers the next while a page came full. `rows` is undefined while the
 * first page is on its way.
 */
export class PagedList extends LightElement {
  static properties = {
    me: { attribute: false },
    rows: { state: true },
    more: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  static pageSize = 50;

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load(next = false) {
    if (!next) {
      this.rows = undefined;
      this.pages = 0;
    }
    this.error = null;
    try {
      const found = await this.fetchPage(this.pages, this.rows?.at(-1));
      this.rows = next ? [...this.rows, ...found] : found;
      this.pages += 1;
      this.more = found.length === this.constructor.pageSize;
    } catch (error) {
      this.error = error;
      this.rows ??= [];
    }
  }

  /** The rows, or `loading()` while the first page is on its way. */
  listed(render) {
    return this.rows === undefined ? loading() : render(this.rows);
  }

  moreButton() {
    return this.more
      ? html`<div class="actions"><button class="secondary" @click=${() => this.load(true)}>More</button></div>`
      : nothing;
  }
}

/**
 * A labelled field; `control` is the input's template, which must carry id=`${id}` and
 * aria-describedby=`${describedBy(id, hint, error)}`.
 */
export function field({ id, label, hint, error, control }) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
    ${control}
    ${error ? html`<span class="error" id="${id}-error">${error}</span>` : nothing}
  </div>`;
}

/** How a conversation is held, a `mode` field: video, phone or in person (`first` chosen). */
export function modeField(id, first = 'VIDEO') {
  const modes = { VIDEO: 'Video call', PHONE: 'Phone call', IN_PERSON: 'In person' };
  return field({
    id,
    label: 'How',
    control: html`<select id=${id} name="mode">
      ${Object.entries(modes).map(([m, words]) => html`<option value=${m} ?selected=${m === first}>${words}</option>`)}
    </select>`,
  });
}

/** The ids a field's input is described by: its hint, then its error. */
export function describedBy(id, hint, error) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
}

/** What a failed call said, in its own words, announced at once. */
export function problem(error) {
  if (!error) {
    return nothing;
  }
  return html`<div class="notice bad" role="alert">
    <strong>${error.title}</strong>
    ${error.detail && error.detail !== error.title ? html`<p>${error.detail}</p>` : nothing}
  </div>`;
}

/** A form's submit button (its words while busy) and a Cancel that tells `host` to close. */
export function submitOrCancel(host, busy, words, busyWords) {
  return html`<div class="actions">
    <button type="submit" ?disabled=${busy}>${busy ? busyWords : words}</button>
    <button type="button" class="secondary" @click=${() => host.dispatchEvent(new CustomEvent('close'))}>Cancel</button>
  </div>`;
}

export function empty(text) {
  return html`<p class="empty">${text}</p>`;
}

export function loading(text = 'Loading…') {
  return html`<p class="loading" role="status">${text}</p>`;
}

/** Asks before an action that cannot be taken back (see dialog.js); true when the person agreed. */
export async function confirmed(question) {
  return (await import('./dialog.js')).ask(question);
}

/** Says a result aloud (screen readers) and shows it for a few seconds. */
export function announce(message) {
  let region = document.getElementById('ii-announce');
  if (!region) {
    region = document.createElement('div');
    region.id = 'ii-announce';
    region.className = 'toast';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.append(region);
  }
  region.hidden = false;
  region.textContent = message;
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => {
    region.hidden = true;
  }, 6000);
}

/** A counselor's warnings: what to reconsider and a suggestion, never a refusal. */
export function warningList(warnings, id) {
  if (!warnings?.length) {
    return nothing;
  }
  return html`<div class="notice warn" id=${id || nothing} role="status">
    <ul class="tight-list">
      ${warnings.map((w) => html`<li><strong>${w.message}</strong>${w.suggestion ? html` ${w.suggestion}` : nothing}</li>`)}
    </ul>
  </div>`;
}
