// A conversation arranged another way (a call, a chat at a career fair), recorded in the interview
// workspace once it took place: loaded after the workspace's first paint.
import { html } from 'lit';
import { LightElement, describedBy, field, modeField } from './components.js';
import { viewerZone, zoneName } from './time.js';

/** Says `held` with the time it began (the viewer's zone) and how it was held. */
class HeldForm extends LightElement {
  static properties = { error: { attribute: false }, missing: { state: true } };

  render() {
    const error = this.missing || this.error?.fields?.start;
    return html`<form class="gap-above" @submit=${this.submit} novalidate aria-labelledby="held-heading">
      <h3 id="held-heading">Already talked?</h3>
      ${field({
        id: 'held-start',
        label: `When it began (${zoneName()})`,
        hint: 'A call or a chat arranged another way: the 48 hours for your thank-you run from its end.',
        error,
        control: html`<input type="datetime-local" id="held-start" name="start" required
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy('held-start', true, error)}>`,
      })}
      ${modeField('held-mode', 'PHONE')}
      <button type="submit" class="secondary">Record our conversation</button>
    </form>`;
  }

  submit(event) {
    event.preventDefault();
    const f = event.target.elements;
    this.missing = f.start.value ? null : 'Say when the conversation began.';
    if (this.missing) {
      f.start.focus();
      return;
    }
    const start = new Date(f.start.value).toISOString();
    this.dispatchEvent(new CustomEvent('held', { detail: { start, mode: f.mode.value, studentTimeZone: viewerZone } }));
  }
}

customElements.define('ii-held-form', HeldForm);
