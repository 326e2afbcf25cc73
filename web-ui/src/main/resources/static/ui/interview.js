// The interview workspace: one conversation through its steps: prepare the introduction and
// questions (with a counselor's warnings), reach out, agree a time, meet, take notes and
// referrals, thank within 48 hours. Each step shows what was done and offers what may come next.
import { html, nothing } from 'lit';
import { ApiError, api } from './api.js';
import { LightElement, announce, describedBy, empty, field, loading, modeField, problem, warningList } from './components.js';
import { label, mode } from './words.js';
import { relative, viewerZone, when, zoneName } from './time.js';

const SOURCES = [
  ['ALUMNI_DATABASE', "My university's alumni database"],
  ['REFERRAL', 'Someone referred me'],
  ['LINKEDIN', 'LinkedIn'],
  ['EVENT', 'We met at an event'],
  ['OTHER', 'Another way'],
];

const CADENCES = [
  ['', 'No reminders'],
  ['30', 'Every month'],
  ['90', 'Every three months'],
  ['180', 'Every six months'],
  ['365', 'Once a year'],
];


class Interview extends LightElement {
  static properties = {
    interview: { state: true },
    error: { state: true },
    busy: { state: true },
    warnings: { state: true },
    draft: { state: true },
    thanksDraft: { state: true },
    templates: { state: true },
    items: { state: true },
  };

  constructor() {
    super();
    this.warnings = { pitch: [], questions: [], outreach: [] };
    this.questions = null;
    this.draft = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.interviewId = decodeURIComponent(window.location.pathname.split('/')[2] || '');
    api(`/api/interviews/interviews/${encodeURIComponent(this.interviewId)}`)
      .then((interview) => this.show(interview))
      .catch((error) => (this.error = error));
    // the career center's request and thank-you templates, to start a draft from
    api('/api/interviews/templates').then((t) => (this.templates = t)).catch(() => (this.templates = []));
    // the question bank's picker and the form for a conversation held elsewhere come after the
    // first paint (parts of their own)
    import('./question-picker.js');
    import('./held-form.js');
  }

  /** A choice of where a draft starts: the platform's own text or one of the center's templates. */
  templateChoice(id, kind) {
    const offered = (this.templates || []).filter((t) => t.kind === kind);
    if (!offered.length) {
      return nothing;
    }
    return field({
      id,
      label: 'Start from',
      control: html`<select id=${id}>
        <option value="">The platform's first draft</option>
        ${offered.map((t) => html`<option value=${t.id}>Your career center's: ${t.name}</option>`)}
      </select>`,
    });
  }

  show(interview) {
    this.interview = interview;
    this.questions ??= (interview.preparation?.questions || []).map((q) => q.text);
    // the action items being edited: kept across other steps until the notes are saved
    this.items ??= (interview.notes?.actionItems || []).map((item) => ({ ...item }));
    document.title = `${interview.contact.displayName} · InfoInterview`;
  }

  /** Posts a step; the interview comes back (alone or inside the answer) and is shown. */
  async act(what, path, body, method = 'POST') {
    this.busy = what;
    this.error = null;
    try {
      const answer = await api(`/api/interviews/interviews/${encodeURIComponent(this.interviewId)}${path}`, { method, body });
      this.show(answer.interview || answer);
      announce(`${what}: done.`);
      return answer;
    } catch (error) {
      this.error = error;
      this.updateComplete.then(() => this.querySelector('[role=alert]')?.focus?.());
      return null;
    } finally {
      this.busy = null;
    }
  }

  render() {
    const i = this.interview;
    if (!i) {
      return html`${problem(this.error)}${this.error ? nothing : loading()}`;
    }
    return html`<p><a href="/interviews">All my interviews</a></p>
      <h1>A conversation with ${i.contact.displayName}</h1>
      <p>${[i.contact.jobTitle, i.contact.organizationName].filter(Boolean).join(', ')}
        <span class="badge">${label(i.status)}</span></p>
      <p><strong>What I want to learn:</strong> ${i.purpose}${i.careerField ? html` (${label(i.careerField)})` : nothing}</p>
      <p class="muted">Times are in your time zone, ${zoneName()}.
        <a href="/sharing?interview=${encodeURIComponent(i.id)}">Share it with an advisor</a></p>
      ${problem(this.error)}
      <div class="grid">
        ${this.prepare(i)} ${this.reachOut(i)} ${this.meet(i)} ${this.notes(i)} ${this.thanks(i)}
        ${this.keepInTouch(i)}
      </div>`;
  }

  /** Step 3: the 30-second introduction and open questions. */
  prepare(i) {
    const w = this.warnings;
    return html`<section class="card" aria-labelledby="prepare-heading">
      <h2 id="prepare-heading">Prepare</h2>
      <form @submit=${this.savePreparation} novalidate>
        ${field({
          id: 'pitch',
          label: 'Your introduction (30 seconds)',
          hint: 'Who you are, what you study, why this person.',
          error: this.error?.fields?.pitch,
          control: html`<textarea id="pitch" name="pitch" maxlength="2000"
            aria-describedby=${describedBy('pitch', true, this.error?.fields?.pitch)}
            .value=${i.preparation?.pitch || ''}></textarea>`,
        })}
        ${warningList(w.pitch)}
        <fieldset>
          <legend>Your questions</legend>
          ${this.questions.length ? nothing : empty('No question yet: open questions work best ("How did you…", "What…").')}
          ${this.questions.map(
            (text, index) => html`<div class="field">
              <label for="question-${index}">Question ${index + 1}</label>
              <div class="actions flush">
                <input class="grow" id="question-${index}" maxlength="500" .value=${text}
                  @input=${(e) => (this.questions[index] = e.target.value)}
                  aria-describedby=${this.questionWarnings(index).length ? `question-${index}-warnings` : nothing}>
                <button type="button" class="secondary" aria-label="Remove question ${index + 1}"
                  @click=${() => { this.questions = this.questions.filter((_, k) => k !== index); this.requestUpdate(); }}>Remove</button>
              </div>
              ${warningList(this.questionWarnings(index), `question-${index}-warnings`)}
            </div>`,
          )}
          <div class="actions">
            <button type="button" class="secondary" @click=${() => { this.questions = [...this.questions, '']; this.requestUpdate(); }}>Add a question</button>
            <ii-question-bank .careerField=${this.interview.careerField} @picked=${(e) => { this.questions = [...this.questions, e.detail]; this.requestUpdate(); }}></ii-question-bank>
          </div>
        </fieldset>
        <button type="submit" ?disabled=${this.busy}>${this.busy === 'Preparation saved' ? 'Saving…' : 'Save and check'}</button>
      </form>
    </section>`;
  }

  questionWarnings(index) {
    return this.warnings.questions.find((q) => q.index === index)?.warnings || [];
  }

  async savePreparation(event) {
    event.preventDefault();
    const body = {
      pitch: event.target.elements.pitch.value,
      questions: this.questions.map((text) => text.trim()).filter(Boolean).map((text) => ({ text })),
    };
    this.questions = body.questions.map((q) => q.text);
    const answer = await this.act('Preparation saved', '/preparation', body, 'PUT');
    if (answer) {
      this.warnings = { ...this.warnings, pitch: answer.pitch, questions: answer.questions };
      const count = answer.pitch.length + answer.questions.reduce((n, q) => n + q.warnings.length, 0);
      announce(count ? `Saved, with ${count} ${count === 1 ? 'suggestion' : 'suggestions'} to look at.` : 'Saved: no suggestions.');
    }
  }

  /** Step 4: the request, by email through the platform, with times to offer. */
  reachOut(i) {
    const requested = i.attempts.length > 0;
    return html`<section class="card" aria-labelledby="reach-heading">
      <h2 id="reach-heading">Reach out</h2>
      ${requested
        ? html`<ul class="list">${i.attempts.map((a) => html`<li>${label(a.channel)} ${a.followUp ? '(follow-up) ' : ''}${when(a.at)}</li>`)}</ul>
            ${i.followUpDueAt && i.status === 'REQUESTED' ? html`<p>No answer yet: follow up ${relative(i.followUpDueAt)}.</p>` : nothing}`
        : nothing}
      ${i.answers.map((a) => html`<p><strong>${i.contact.displayName} ${answerWords(a)}</strong>${a.message ? html`: <q>${a.message}</q>` : nothing}</p>`)}
      ${i.status === 'PLANNED' ? this.composer(i) : nothing}
      ${i.status === 'REQUESTED' ? this.followUp(i) : nothing}
      ${!requested && i.status !== 'PLANNED' ? empty('No request was sent.') : nothing}
    </section>`;
  }

  composer(i, sendWords = 'Send my request by email') {
    const errors = this.error?.fields || {};
    return html`<form @submit=${this.send} novalidate>
      ${field({
        id: 'source',
        label: `How did you get ${i.contact.displayName}'s name?`,
        control: html`<select id="source" name="source">${SOURCES.map(([value, text]) => html`<option value=${value}>${text}</option>`)}</select>`,
      })}
      ${this.templateChoice('outreach-template', 'OUTREACH')}
      <div class="actions gap-below">
        <button type="button" class="secondary" ?disabled=${this.busy} @click=${this.writeDraft}>Write a first draft for me</button>
      </div>
      ${field({
        id: 'message',
        label: 'Your message',
        hint: 'Say how you got their name, and that you want information and advice, not a job.',
        error: errors.message,
        control: html`<textarea class="tall" id="message" name="message" maxlength="5000"
          aria-describedby=${describedBy('message', true, errors.message)}
          aria-invalid=${errors.message ? 'true' : nothing} .value=${this.draft || ''}
          @input=${(e) => (this.draft = e.target.value)}></textarea>`,
      })}
      ${warningList(this.warnings.outreach)}
      <fieldset>
        <legend>Times you can offer (optional, up to three)</legend>
        ${[0, 1, 2].map((k) =>
          field({
            id: `time-${k}`,
            label: `Time ${k + 1}`,
            error: errors[`times[${k}].start`],
            control: html`<input type="datetime-local" id="time-${k}" name="time-${k}"
              aria-describedby=${describedBy(`time-${k}`, null, errors[`times[${k}].start`])}>`,
          }),
        )}
        ${modeField('mode')}
      </fieldset>
      <button type="submit" ?disabled=${this.busy}>${this.busy === 'Request sent' ? 'Sending…' : sendWords}</button>
    </form>`;
  }

  /** No answer yet: a follow-up (the same composer), or, after two, closing it as unanswered. */
  followUp(i) {
    return html`<details ?open=${Boolean(i.followUpDueAt && new Date(i.followUpDueAt) <= new Date())}>
        <summary>Follow up</summary>${this.composer(i, 'Send my follow-up by email')}</details>
      ${i.noResponseSuggested
        ? html`<p>Two follow-ups went unanswered: it is fine to let this one go.</p>
            <button class="secondary" ?disabled=${this.busy} @click=${() => this.act('Marked as unanswered', '/no-response')}>They did not answer: close it</button>`
        : nothing}`;
  }

  async writeDraft() {
    const source = this.querySelector('#source').value;
    const templateId = this.querySelector('#outreach-template')?.value || undefined;
    this.busy = 'Draft written';
    this.error = null;
    try {
      const draft = await api(`/api/interviews/interviews/${encodeURIComponent(this.interviewId)}/outreach/draft`, {
        method: 'POST',
        body: { source, templateId },
      });
      this.draft = draft.message;
      this.warnings = { ...this.warnings, outreach: draft.warnings };
      announce('A first draft is in the message box: make it yours.');
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = null;
    }
  }

  async send(event) {
    event.preventDefault();
    const f = event.target.elements;
    const times = [0, 1, 2]
      .map((k) => f[`time-${k}`].value)
      .filter(Boolean)
      .map((value) => ({ start: new Date(value).toISOString(), mode: f.mode.value, studentTimeZone: viewerZone }));
    if (!(this.draft || '').trim()) {
      this.error = new ApiError(400, { title: 'No message', errors: [{ field: 'message', reason: 'Write your message, or let the platform draft one.' }] });
      return;
    }
    const answer = await this.act('Request sent', '/outreach', { channel: 'EMAIL', message: this.draft, times });
    if (answer) {
      this.warnings = { ...this.warnings, outreach: answer.warnings };
      this.draft = null;
    }
  }

  /** Step 5: the time agreed (one the person proposed), then the conversation itself. */
  meet(i) {
    const proposed = i.status === 'REQUESTED' ? [...i.answers].reverse().find((a) => a.kind === 'PROPOSED') : null;
    return html`<section class="card" aria-labelledby="meet-heading">
      <h2 id="meet-heading">Meet</h2>
      ${i.appointment
        ? html`<p>Agreed: <strong>${when(i.appointment.start)}</strong>, ${i.appointment.durationMinutes} minutes, ${mode(i.appointment.mode)}${
            i.appointment.where ? `, ${i.appointment.where}` : ''}.</p>`
        : nothing}
      ${proposed
        ? html`<p>${i.contact.displayName} proposed:</p>
            <div class="actions">${proposed.proposedTimes.map(
              (t) => html`<button class="secondary" ?disabled=${this.busy}
                @click=${() => this.act('Time agreed', '/schedule', { start: t.start, durationMinutes: t.durationMinutes, mode: i.offeredTimes[0]?.mode || 'VIDEO', studentTimeZone: viewerZone })}>
                Agree ${when(t.start)}</button>`,
            )}</div>`
        : nothing}
      ${i.status === 'SCHEDULED'
        ? html`<p class="muted">Ask "Who else should I talk to?" and "May I contact you again?" before you part.</p>
            <button ?disabled=${this.busy} @click=${() => this.act('Conversation recorded', '/complete')}>We had our conversation</button>`
        : nothing}
      ${!i.appointment && !proposed && i.status !== 'SCHEDULED' ? empty('No time agreed yet.') : nothing}
      ${['PLANNED', 'REQUESTED', 'NO_RESPONSE'].includes(i.status)
        ? html`<ii-held-form .error=${this.error} @held=${(e) => this.act('Conversation recorded', '/held', e.detail)}></ii-held-form>`
        : nothing}
    </section>`;
  }


  /** Step 5, after: what was learned, the advice, action items and referrals. */
  notes(i) {
    if (!['SCHEDULED', 'COMPLETED', 'THANKED', 'CLOSED'].includes(i.status)) {
      return nothing;
    }
    const n = i.notes || {};
    return html`<section class="card" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      <form @submit=${this.saveNotes} novalidate>
        ${['learned', 'advice', 'stillWantToKnow'].map((name) =>
          field({
            id: `notes-${name}`,
            label: { learned: 'What I learned', advice: 'Their advice', stillWantToKnow: 'What I still want to know' }[name],
            control: html`<textarea id="notes-${name}" name=${name} .value=${n[name] || ''}></textarea>`,
          }),
        )}
        <div class="choice"><input type="checkbox" id="notes-again" name="mayContactAgain" .checked=${n.mayContactAgain === true}>
          <label for="notes-again">They said I may contact them again</label></div>
        ${this.actionItems()}
        <button type="submit" ?disabled=${this.busy}>Save notes</button>
      </form>
      <h3 class="gap-above">Who else should I talk to?</h3>
      ${i.referrals.length
        ? html`<ul class="list">${i.referrals.map((r) => html`<li><strong>${r.name}</strong>${r.organizationName ? `, ${r.organizationName}` : ''}${r.why ? html`<br><span class="muted">${r.why}</span>` : nothing}</li>`)}</ul>`
        : empty('No referral yet.')}
      <form @submit=${this.refer} novalidate>
        ${field({ id: 'ref-name', label: 'Name', error: this.error?.fields?.name, control: html`<input id="ref-name" name="name" maxlength="200">` })}
        ${field({ id: 'ref-org', label: 'Employer (optional)', control: html`<input id="ref-org" name="organizationName" maxlength="200">` })}
        ${field({ id: 'ref-why', label: 'Why talk to them (optional)', control: html`<input id="ref-why" name="why" maxlength="2000">` })}
        <button type="submit" class="secondary" ?disabled=${this.busy}>Add referral</button>
      </form>
    </section>`;
  }

  saveNotes(event) {
    event.preventDefault();
    const f = event.target.elements;
    this.act('Notes saved', '/notes', {
      learned: f.learned.value || null,
      advice: f.advice.value || null,
      stillWantToKnow: f.stillWantToKnow.value || null,
      actionItems: this.items,
      mayContactAgain: f.mayContactAgain.checked,
    }, 'PUT').then((saved) => {
      if (saved) this.items = (this.interview.notes?.actionItems || []).map((item) => ({ ...item }));
    });
  }

  /** What the student promised to do after the conversation, each with a day if they like. */
  actionItems() {
    const items = this.items || [];
    return html`<fieldset>
      <legend>Action items</legend>
      ${items.length ? nothing : html`<p class="muted">Nothing to do yet: a book they named, a course, someone to write to.</p>`}
      ${items.map((item, n) => html`<div class="choice">
        <input type="checkbox" id="item-${n}" .checked=${item.done}
          @change=${(e) => (this.items = items.map((each, k) => (k === n ? { ...each, done: e.target.checked } : each)))}>
        <label for="item-${n}">${item.text}${item.dueOn ? html` <span class="muted">(by ${new Date(`${item.dueOn}T12:00:00`).toLocaleDateString()})</span>` : nothing}</label>
        <button type="button" class="link" aria-label="Remove ${item.text}"
          @click=${() => (this.items = items.filter((_, k) => k !== n))}>Remove</button>
      </div>`)}
      <div class="row">
        ${field({ id: 'item-text', label: 'A new action item', control: html`<input id="item-text" maxlength="500">` })}
        ${field({ id: 'item-due', label: 'By (optional)', control: html`<input id="item-due" type="date">` })}
      </div>
      <button type="button" class="secondary" @click=${this.addItem}>Add the item</button>
      <p class="muted">Saved with the notes; a reminder comes on its day.</p>
    </fieldset>`;
  }

  addItem() {
    const text = this.querySelector('#item-text');
    const due = this.querySelector('#item-due');
    if (!text.value.trim()) {
      text.focus();
      return;
    }
    this.items = [...(this.items || []), { text: text.value.trim(), dueOn: due.value || null, done: false }];
    text.value = '';
    due.value = '';
    text.focus();
  }

  async refer(event) {
    event.preventDefault();
    const form = event.target;
    const f = form.elements;
    if (!f.name.value.trim()) {
      this.error = new ApiError(400, { title: 'Whom?', errors: [{ field: 'name', reason: "Write the person's name." }] });
      return;
    }
    const done = await this.act('Referral added', '/referrals', {
      name: f.name.value.trim(),
      organizationName: f.organizationName.value.trim() || null,
      why: f.why.value.trim() || null,
    });
    if (done) form.reset();
  }

  /** Step 6: the thank-you within 48 hours. */
  thanks(i) {
    if (!['COMPLETED', 'THANKED', 'CLOSED'].includes(i.status)) {
      return nothing;
    }
    return html`<section class="card" aria-labelledby="thanks-heading">
      <h2 id="thanks-heading">Thank you</h2>
      ${i.thankYou
        ? html`<p>Thanked by ${label(i.thankYou.channel)} ${when(i.thankYou.sentAt)}.</p>`
        : html`${i.thankYouDueAt ? html`<p>Due ${relative(i.thankYouDueAt)} (${when(i.thankYouDueAt)}).</p>` : nothing}
            ${this.thanksWriter()}
            <form @submit=${(e) => { e.preventDefault(); this.act('Thank-you recorded', '/thank-you', { channel: e.target.elements.channel.value }); }}>
              ${field({
                id: 'thanks-channel',
                label: 'I thanked them by',
                control: html`<select id="thanks-channel" name="channel">
                  <option value="EMAIL">Email</option><option value="CARD">A card</option><option value="LINKEDIN">LinkedIn</option><option value="IN_PERSON">In person</option>
                </select>`,
              })}
              <button type="submit" ?disabled=${this.busy}>I sent my thank-you</button>
            </form>`}
    </section>`;
  }

  /** A thank-you to send by mail or card: drafted from the platform's text or a template. */
  thanksWriter() {
    return html`${this.templateChoice('thanks-template', 'THANK_YOU')}
      <div class="actions"><button type="button" class="secondary" ?disabled=${this.busy} @click=${this.writeThanks}>Write a thank-you for me</button></div>
      ${this.thanksDraft !== undefined
        ? html`${field({
            id: 'thanks-text',
            label: 'Your thank-you (copy it into your mail or card)',
            control: html`<textarea class="tall" id="thanks-text" .value=${this.thanksDraft.message}
              @input=${(e) => (this.thanksDraft = { ...this.thanksDraft, message: e.target.value })}></textarea>`,
          })}
          ${warningList(this.thanksDraft.warnings)}`
        : nothing}`;
  }

  async writeThanks() {
    const templateId = this.querySelector('#thanks-template')?.value || undefined;
    this.busy = 'Thank-you written';
    this.error = null;
    try {
      this.thanksDraft = await api(`/api/interviews/interviews/${encodeURIComponent(this.interviewId)}/thank-you/draft`, {
        method: 'POST',
        body: { templateId },
      });
      announce('A thank-you is in the box: say what you learned, then send it your way.');
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = null;
    }
  }

  /** Step 6, after the thank-you: a reminder cadence, report back, other times in touch. */
  keepInTouch(i) {
    if (!['COMPLETED', 'THANKED', 'CLOSED'].includes(i.status)) {
      return nothing;
    }
    const history = [...(i.interactions || [])].reverse();
    return html`<section class="card" aria-labelledby="touch-heading">
      <h2 id="touch-heading">Keep in touch</h2>
      ${i.keepInTouchDueAt ? html`<p>Next time to be in touch: ${relative(i.keepInTouchDueAt)} (${when(i.keepInTouchDueAt)}).</p>` : nothing}
      <form @submit=${(e) => {
        e.preventDefault();
        const days = e.target.elements.everyDays.value;
        this.act('Reminder set', '/keep-in-touch', { everyDays: days ? Number(days) : null }, 'PUT');
      }}>
        ${field({
          id: 'touch-every',
          label: 'Remind me to be in touch',
          control: html`<select id="touch-every" name="everyDays">
            ${CADENCES.map(([days, text]) => html`<option value=${days} ?selected=${String(i.keepInTouchEveryDays ?? '') === days}>${text}</option>`)}
          </select>`,
        })}
        <button type="submit" class="secondary" ?disabled=${this.busy}>Save the reminder</button>
      </form>
      <h3 class="gap-above">Report back</h3>
      <form @submit=${this.reportBack} novalidate>
        ${field({
          id: 'report-message',
          label: 'What came of their advice',
          hint: 'People who helped like to hear how it went.',
          error: this.error?.fields?.message,
          control: html`<textarea id="report-message" name="message" maxlength="5000"
            aria-describedby=${describedBy('report-message', true, this.error?.fields?.message)}></textarea>`,
        })}
        <div class="choice"><input type="checkbox" id="report-send" name="send" checked>
          <label for="report-send">Send it to them by email through the platform (their address stays hidden)</label></div>
        <button type="submit" ?disabled=${this.busy}>Report back</button>
      </form>
      <h3 class="gap-above">Other times we were in touch</h3>
      <form @submit=${(e) => {
        e.preventDefault();
        const f = e.target.elements;
        this.act('Recorded', '/interactions', { kind: f.kind.value, note: f.note.value.trim() || null }).then((done) => done && e.target.reset());
      }}>
        <div class="row">
          ${field({
            id: 'touch-kind',
            label: 'How',
            control: html`<select id="touch-kind" name="kind"><option value="MESSAGE">A message</option><option value="CALL">A call</option><option value="MEETING">We met</option></select>`,
          })}
          ${field({ id: 'touch-note', label: 'A note (optional)', control: html`<input id="touch-note" name="note" maxlength="2000">` })}
        </div>
        <button type="submit" class="secondary" ?disabled=${this.busy}>Record it</button>
      </form>
      ${history.length
        ? html`<ul class="list">${history.map((t) => html`<li><strong>${label(t.kind)}</strong> ${when(t.at)}${
            t.sentThroughPlatform ? html` <span class="badge ok">sent</span>` : nothing}${t.note ? html`<br><span class="entry-body">${t.note}</span>` : nothing}</li>`)}</ul>`
        : nothing}
    </section>`;
  }

  /** Report back: what came of the person's advice, sent to them through the platform or not. */
  async reportBack(event) {
    event.preventDefault();
    const form = event.target;
    const f = form.elements;
    if (!f.message.value.trim()) {
      this.error = new ApiError(400, { title: 'Nothing to send', errors: [{ field: 'message', reason: 'Write what came of their advice.' }] });
      return;
    }
    const done = await this.act('Report-back recorded', '/report-backs', { message: f.message.value.trim(), send: f.send.checked });
    if (done) form.reset();
  }
}

function answerWords(answer) {
  return { ACCEPTED: 'accepted a time', PROPOSED: 'proposed other times', DECLINED: 'declined' }[answer.kind] || label(answer.kind);
}


customElements.define('ii-interview', Interview);
