// A person's erasure, for admins acting on a request: named by the address they signed in with
// (or their account id), on stated grounds, after saying it cannot be undone. Every service then
// removes what it holds; the audit keeps the erasure under its reference, never the person.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { LightElement, describedBy, field, problem } from './components.js';

class Erasures extends LightElement {
  static properties = { busy: { state: true }, error: { state: true }, done: { state: true } };

  render() {
    const errors = this.error?.fields || {};
    return html`<h1>Erase a person</h1>
      <p>On a person's request (or the law's): their profile, their own contacts, interviews and
        notes, messages, preferences and the directory's records of them are removed from every
        service. The audit keeps that it happened, under a reference, without them. An alumnus who
        never signed in is erased from the directory as a contact instead.</p>
      ${this.done
        ? html`<p class="notice ok" role="status">Erasure under way everywhere. Its reference:
            <strong>${this.done.reference}</strong> (the audit names it).</p>`
        : nothing}
      ${problem(this.error && !Object.keys(errors).length ? this.error : null)}
      <form class="card" @submit=${this.erase} novalidate aria-label="Erase a person">
        ${field({
          id: 'erase-email',
          label: 'The address they signed in with',
          hint: 'Or their account id below, one of the two.',
          error: errors.email || errors.onePerson,
          control: html`<input id="erase-email" name="email" type="email" autocomplete="off"
            aria-describedby=${describedBy('erase-email', true, errors.email || errors.onePerson)}
            aria-invalid=${errors.email || errors.onePerson ? 'true' : nothing}>`,
        })}
        ${field({
          id: 'erase-id',
          label: 'Account id',
          error: errors.userId,
          control: html`<input id="erase-id" name="userId" autocomplete="off"
            aria-describedby=${describedBy('erase-id', false, errors.userId)} aria-invalid=${errors.userId ? 'true' : nothing}>`,
        })}
        ${field({
          id: 'erase-reason',
          label: 'On what grounds',
          error: errors.reason,
          control: html`<textarea id="erase-reason" name="reason" rows="2"
            aria-describedby=${describedBy('erase-reason', false, errors.reason)}></textarea>`,
        })}
        <div class="choice"><input type="checkbox" id="erase-sure" name="sure" required>
          <label for="erase-sure">I understand that this cannot be undone</label></div>
        <div class="actions">
          <button type="submit" class="danger" ?disabled=${this.busy}>${this.busy ? 'Erasing…' : 'Erase this person'}</button>
        </div>
      </form>`;
  }

  async erase(event) {
    event.preventDefault();
    const f = event.target.elements;
    if (!f.sure.checked) {
      this.error = { title: 'Not erased', detail: 'Tick that you understand it cannot be undone.', fields: {} };
      return;
    }
    const text = (name) => f[name].value.trim() || null;
    this.busy = true;
    try {
      this.done = await api('/api/contacts/people/erasures', {
        method: 'POST',
        body: { email: text('email'), userId: text('userId'), reason: text('reason') },
      });
      this.error = null;
      event.target.reset();
    } catch (error) {
      this.done = null;
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ii-erasures', Erasures);
