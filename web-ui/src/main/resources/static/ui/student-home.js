// A student's home: what is coming and what to do next, from the interviews dashboard.
import { html, nothing } from 'lit';
import { ApiScreen, empty } from './components.js';
import { mode } from './words.js';
import { relative, when, zoneName } from './time.js';

const STATES = {
  PLANNED: 'Planned',
  REQUESTED: 'Requested',
  SCHEDULED: 'Scheduled',
  COMPLETED: 'Held',
  THANKED: 'Thanked',
  CLOSED: 'Closed',
  CANCELLED: 'Cancelled',
  DECLINED: 'Declined',
  NO_RESPONSE: 'No response',
};

class StudentHome extends ApiScreen {
  static source = '/api/interviews/me/dashboard';

  heading() {
    return html`<h1>Hello, ${this.me.displayName}</h1>
      <p class="muted">Times are in your time zone, ${zoneName()}.</p>
      <p><a href="/research">Research a field or employer</a> · <a href="/find">Find someone to talk to</a> ·
        <a href="/interviews">All my interviews</a></p>`;
  }

  content(d) {
    const counts = Object.entries(d.counts || {}).filter(([, n]) => n > 0);
    return html`<div class="grid">
      ${section('Coming up', d.upcoming, 'No conversation is scheduled yet.', (u) =>
        html`${person(u)}<br>${when(u.start)} · ${u.durationMinutes} minutes ·
          ${mode(u.mode)}${u.where ? html` · ${u.where}` : nothing}`)}
      ${section('Thank-yous due', d.thankYousDue, 'No thank-you is waiting.', (t) =>
        html`${person(t)}
          <span class="badge ${t.hoursLeft < 0 ? 'bad' : t.hoursLeft < 12 ? 'warn' : ''}">${
            t.hoursLeft < 0 ? `${-t.hoursLeft} hours overdue` : `${t.hoursLeft} hours left`}</span>`)}
      ${section('Times proposed to you', d.timesProposed, 'Nobody proposed other times.', (p) =>
        html`${person(p)} proposes
          ${p.times.map((t) => when(t.start)).join('; ')}${p.message ? html`<br><q>${p.message}</q>` : nothing}`)}
      ${section('Waiting for an answer', d.waitingForAnswer, 'No request is waiting.', (w) =>
        html`${person(w)}${w.dueAt ? html` · follow up ${relative(w.dueAt)}` : nothing}`)}
      ${section('Follow-ups due', d.followUpsDue, 'No follow-up is due.', (f) =>
        html`${person(f)} · due ${relative(f.dueAt)}${
          f.giveUpSuggested ? html` <span class="badge warn">consider moving on</span>` : nothing}`)}
      ${section('Action items', d.actionItemsDue, 'No action item is due this week.', (a) =>
        html`${a.text} <span class="muted">(${a.contactName})</span>${
          a.overdue ? html` <span class="badge bad">overdue</span>` : nothing}`)}
      ${section('Keep in touch', d.keepInTouchDue, 'Nobody to get back to yet.', (k) =>
        html`${person(k)}${k.dueAt ? html` · ${relative(k.dueAt)}` : nothing}`)}
      <section class="card" aria-labelledby="counts-heading">
        <h2 id="counts-heading">Your interviews</h2>
        ${counts.length
          ? html`<ul class="list">${counts.map(([state, n]) => html`<li>${STATES[state] || state}: ${n}</li>`)}</ul>`
          : empty('None yet: start by finding someone in a field you are curious about.')}
      </section>
    </div>`;
  }
}

/** The person's name, leading to the interview. */
function person(item) {
  return html`<a href="/interviews/${encodeURIComponent(item.interviewId)}"><strong>${item.contactName}</strong></a>`;
}

function section(title, items, none, item) {
  const id = `h-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return html`<section class="card" aria-labelledby=${id}>
    <h2 id=${id}>${title}${items?.length ? html` <span class="badge">${items.length}</span>` : nothing}</h2>
    ${items?.length ? html`<ul class="list">${items.map((i) => html`<li>${item(i)}</li>`)}</ul>` : empty(none)}
  </section>`;
}

customElements.define('ii-student-home', StudentHome);
