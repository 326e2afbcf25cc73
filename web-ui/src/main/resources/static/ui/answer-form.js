// Answering a request: accept one of the student's times, propose up to three others, or
// decline, with a few words. Used by the mail's answer page (no account) and by a signed-in
// person's list of requests; `send` is the call that posts the answer and returns the request.
import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import { LightElement, describedBy, field, problem } from './components.js';
import { viewerZone, when, zoneName } from './time.js';
import { mode } from './words.js';

export class AnswerForm extends LightElement {
  static properties = {
    view: { attribute: false },
    send: { attribute: false },
    choice: { state: true },
    proposed: { state: true },
    message: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.choice = '';
    this.proposed = ['', '', ''];
    this.message = '';
    this.error = null;
    this.busy = false;
  }

  render() {
    const view = this.view;
    const id = `answer-${view.interviewId}`;
    const fields = this.error?.fields || {};
    const timesError = fields.time || fields.times || fields.answer;
    return html`<form @submit=${this.submit} novalidate aria-busy=${this.busy}>
      ${problem(this.error && Object.keys(fields).length === 0 ? this.error : null)}
      <fieldset aria-describedby=${timesError ? `${id}-choice-error` : nothing}>
        <legend>Choose one</legend>
        <p class="hint muted">Times are in your time zone, ${zoneName()}.</p>
        ${view.offeredTimes.map(
          (time) => html`<div class="choice">
            <input type="radio" name="choice" id="${id}-time-${time.index}" value="time-${time.index}"
              .checked=${this.choice === `time-${time.index}`} @change=${this.choose}>
            <label for="${id}-time-${time.index}">Accept ${when(time.start)}
              (${time.durationMinutes} minutes${time.mode ? `, ${mode(time.mode)}` : ''}${
                time.where ? `, ${time.where}` : ''})</label>
          </div>`,
        )}
        <div class="choice">
          <input type="radio" name="choice" id="${id}-propose" value="propose"
            .checked=${this.choice === 'propose'} @change=${this.choose}>
          <label for="${id}-propose">None of these suit me: I propose other times</label>
        </div>
        <div class="choice">
          <input type="radio" name="choice" id="${id}-decline" value="decline"
            .checked=${this.choice === 'decline'} @change=${this.choose}>
          <label for="${id}-decline">I can't take this conversation (decline)</label>
        </div>
        ${timesError ? html`<span class="error" id="${id}-choice-error">${timesError}</span>` : nothing}
      </fieldset>
      ${this.choice === 'propose'
        ? html`<fieldset>
            <legend>Times that suit you (up to three, 30 minutes each)</legend>
            ${this.proposed.map((value, i) =>
              field({
                id: `${id}-proposed-${i}`,
                label: `Time ${i + 1}${i === 0 ? '' : ' (optional)'}`,
                error: fields[`times[${i}].start`],
                control: html`<input type="datetime-local" id="${id}-proposed-${i}" .value=${value}
                  aria-describedby=${describedBy(`${id}-proposed-${i}`, null, fields[`times[${i}].start`])}
                  aria-invalid=${fields[`times[${i}].start`] ? 'true' : nothing}
                  @input=${(e) => this.propose(i, e.target.value)}>`,
              }),
            )}
          </fieldset>`
        : nothing}
      ${field({
        id: `${id}-message`,
        label: 'A few words to the student (optional)',
        hint: 'They see this with your answer.',
        error: fields.message,
        control: html`<textarea id="${id}-message" maxlength="2000" .value=${this.message}
          aria-describedby=${describedBy(`${id}-message`, 'hint', fields.message)}
          aria-invalid=${fields.message ? 'true' : nothing}
          @input=${(e) => (this.message = e.target.value)}></textarea>`,
      })}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Sending…' : 'Send my answer'}</button>
      </div>
    </form>`;
  }

  choose(event) {
    this.choice = event.target.value;
    this.error = null;
  }

  propose(index, value) {
    const next = [...this.proposed];
    next[index] = value;
    this.proposed = next;
  }

  async submit(event) {
    event.preventDefault();
    const body = this.body();
    if (!body) {
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      const view = await this.send(body);
      this.dispatchEvent(new CustomEvent('answered', { detail: view, bubbles: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? error : new ApiError(0, { title: String(error) });
      this.updateComplete.then(() => this.querySelector('[role=alert], .error')?.scrollIntoView?.({ block: 'center' }));
    } finally {
      this.busy = false;
    }
  }

  /** The answer to send, or null with the reason shown where it belongs. */
  body() {
    const base = { timeZone: viewerZone, message: this.message.trim() || null };
    if (this.choice.startsWith('time-')) {
      return { ...base, answer: 'ACCEPTED', time: Number(this.choice.slice(5)) };
    }
    if (this.choice === 'decline') {
      return { ...base, answer: 'DECLINED' };
    }
    if (this.choice === 'propose') {
      const times = this.proposed
        .filter((value) => value)
        .map((value) => ({ start: new Date(value).toISOString(), durationMinutes: 30 }));
      if (times.length === 0) {
        this.error = new ApiError(400, {
          title: 'No time proposed',
          errors: [{ field: 'times[0].start', reason: 'Give at least one time that suits you.' }],
        });
        return null;
      }
      return { ...base, answer: 'PROPOSED', times };
    }
    this.error = new ApiError(400, {
      title: 'No answer chosen',
      errors: [{ field: 'time', reason: 'Choose one of the times, propose others, or decline.' }],
    });
    return null;
  }
}

customElements.define('ii-answer-form', AnswerForm);
