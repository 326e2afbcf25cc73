// Cohort analytics, for advisors and admins: how a date range's interviews went, in counts only
// (never a note); a cohort of fewer than five students is not shown. Bars are HTML meters beside
// their numbers, so each figure is also text a screen reader reads; the same table downloads as CSV.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { LightElement, describedBy, field, loading, problem } from './components.js';
import { when } from './time.js';
import { label } from './words.js';

const STATES = ['PLANNED', 'REQUESTED', 'SCHEDULED', 'COMPLETED', 'THANKED', 'CLOSED', 'DECLINED', 'NO_RESPONSE', 'CANCELLED', 'NO_SHOW'];

/** The students' studies a cohort may be narrowed to, as the university's sign-in says them. */
const STUDIES = [
  ['classYear', 'Class year', 'number'],
  ['major', 'Major', 'text'],
  ['program', 'Program', 'text'],
];

function day(offset) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toISOString().slice(0, 10);
}

class Analytics extends LightElement {
  static properties = {
    me: { attribute: false },
    report: { state: true },
    fields: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.query = { from: day(-90), to: day(0), careerField: '', classYear: '', major: '', program: '' };
  }

  connectedCallback() {
    super.connectedCallback();
    api('/api/contacts/career-fields')
      .then((fields) => (this.fields = fields.filter((f) => f.kind === 'CAREER_CLUSTER')))
      .catch(() => (this.fields = []));
    this.load();
  }

  params() {
    const params = new URLSearchParams({ from: this.query.from, to: this.query.to });
    for (const name of STUDIES.map(([n]) => n).concat('careerField')) {
      if (this.query[name]) params.set(name, this.query[name]);
    }
    return params;
  }

  async load() {
    this.busy = true;
    this.error = null;
    try {
      this.report = await api(`/api/interviews/analytics/cohort?${this.params()}`);
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  show(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.query = Object.fromEntries([...form.entries()].map(([name, value]) => [name, value.trim()]));
    this.load();
  }

  render() {
    const errors = this.error?.fields || {};
    return html`<h1>Cohort analytics</h1>
      <p>How the interviews planned in a period went, in counts only: no note is ever read here. A group of
        fewer than five students is not shown, so nobody can be singled out.</p>
      <form class="card" @submit=${(e) => this.show(e)} aria-label="Which interviews">
        <div class="grid">
          ${['from', 'to'].map((name) =>
            field({
              id: `cohort-${name}`,
              label: name === 'from' ? 'Planned from' : 'To',
              error: errors[name],
              control: html`<input type="date" id="cohort-${name}" name=${name} required .value=${this.query[name]}
                aria-invalid=${errors[name] ? 'true' : nothing} aria-describedby=${describedBy(`cohort-${name}`, null, errors[name])}>`,
            }),
          )}
          ${field({
            id: 'cohort-field',
            label: 'Career field',
            control: html`<select id="cohort-field" name="careerField">
              <option value="">All</option>
              ${(this.fields || []).map((f) => html`<option value=${f.code} ?selected=${f.code === this.query.careerField}>${f.name}</option>`)}
            </select>`,
          })}
          ${STUDIES.map(([name, words, type]) =>
            field({
              id: `cohort-${name}`,
              label: words,
              error: errors[name],
              control: html`<input id="cohort-${name}" name=${name} type=${type} .value=${this.query[name]}
                aria-invalid=${errors[name] ? 'true' : nothing} aria-describedby=${describedBy(`cohort-${name}`, null, errors[name])}>`,
            }),
          )}
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Counting…' : 'Show'}</button>
          <a href="/api/interviews/analytics/cohort.csv?${this.params()}" download>Download as CSV</a>
        </div>
      </form>
      ${Object.keys(errors).length ? nothing : problem(this.error)}
      ${this.report === undefined && !this.error ? loading('Counting…') : nothing}
      ${this.report ? this.figures(this.report) : nothing}`;
  }

  figures(r) {
    if (r.suppressed) {
      return html`<p class="notice warn" role="status">Fewer than 5 students in this group: nothing is shown.</p>`;
    }
    const percent = (v) => (v === null || v === undefined ? 'not yet' : `${Math.round(v * 100)} %`);
    const tiles = [
      ['Students', r.students],
      ['Interviews', r.interviews],
      ['Requests sent', r.requestsSent],
      ['Answered', percent(r.answerRate)],
      ['Days from request to meeting (median)', r.medianDaysToMeeting ?? 'not yet'],
      ['Thanked within 48 hours', percent(r.thankYouOnTimeRate)],
      ['Referrals per conversation', r.referralsPerConversation ?? 'not yet'],
      ['No-shows', r.noShows],
      ['Alumni asked', r.alumniAsked],
      ['Volunteers now', r.volunteers],
    ];
    return html`<section aria-labelledby="cohort-figures" role="status">
      <h2 id="cohort-figures">The figures</h2>
      <p class="muted" id="counted-at">Counted ${when(r.countedAt)}; a change shows within seconds.</p>
      <dl class="tiles">${tiles.map(([name, value]) => html`<div class="card"><dt>${name}</dt><dd>${value}</dd></div>`)}</dl>
      <div class="grid">
        ${bars('Interviews by where they stand', STATES.filter((s) => r.byState[s]).map((s) => [label(s), r.byState[s]]))}
        ${bars('Career fields asked about most', r.topCareerFields.map((c) => [this.fieldName(c.name), c.interviews]))}
        ${bars('Organizations asked most', r.topOrganizations.map((c) => [c.name, c.interviews]))}
        ${bars('Who carries the load: alumni asked', [
          ['once', r.alumniLoad.once],
          ['two or three times', r.alumniLoad.twoOrThree],
          ['four times or more', r.alumniLoad.fourOrMore],
        ])}
      </div>
    </section>`;
  }

  fieldName(code) {
    return this.fields?.find((f) => f.code === code)?.name ?? label(code);
  }
}

/** A bar chart as a list: each row its name, its bar and its number. */
function bars(title, rows) {
  const most = Math.max(1, ...rows.map(([, n]) => n));
  return html`<figure class="card bars">
    <figcaption><strong>${title}</strong></figcaption>
    ${rows.length === 0
      ? html`<p class="muted">None.</p>`
      : html`<ul>${rows.map(
          ([name, n]) => html`<li><span>${name}</span>
            <meter min="0" max=${most} value=${n} aria-hidden="true"></meter>
            <span>${n}</span></li>`,
        )}</ul>`}
  </figure>`;
}

customElements.define('ii-analytics', Analytics);
