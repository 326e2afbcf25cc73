// A person's erasure, for admins acting on a request: named by the address they signed in with
// (or their account id), on stated grounds, after saying it cannot be undone. Every service then
// removes what it holds; the audit keeps the erasure under its reference, never the person. And
// retention: what a rule keeping students' records N years after graduation removes (a dry run),
// and a run of the configured rule now.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { LightElement, announce, describedBy, field, problem } from './components.js';

class Erasures extends LightElement {
  static properties = {
    busy: { state: true },
    error: { state: true },
    done: { state: true },
    retention: { state: true },
    retentionError: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.preview();
  }

  async preview(years) {
    try {
      this.retention = await api(`/api/interviews/retention${years ? `?years=${years}` : ''}`);
      this.retentionError = null;
    } catch (error) {
      this.retentionError = error;
    }
  }

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
      </form>
      ${this.retentionCard(this.retention)}`;
  }

  retentionCard(r) {
    return html`<section class="card below" aria-labelledby="retention-heading">
      <h2 id="retention-heading">Retention</h2>
      <p>${r?.setting
        ? `Students' interviews, notes, research and shares are removed ${r.setting} years after their class year, once a day.`
        : 'Off: students\u2019 records are kept until a rule is set (INTERVIEWS_RETENTION_GRADUATED_YEARS).'}</p>
      ${problem(this.retentionError)}
      <form @submit=${(e) => { e.preventDefault(); this.preview(e.target.elements.years.value); }} aria-label="Try a rule">
        ${field({
          id: 'retention-years',
          label: 'Keep records this many years after the class year',
          control: html`<input id="retention-years" name="years" type="number" min="1" max="100" .value=${String(r?.years ?? 5)}>`,
        })}
        <div class="actions"><button type="submit" class="secondary">Show what would go</button></div>
      </form>
      ${r
        ? html`<p role="status">Students of the class of ${r.graduatedBy} and before: ${r.students}
            (${Object.entries(r.records).map(([kind, n]) => `${n} ${kind}`).join(', ')}).</p>`
        : nothing}
      ${r?.setting
        ? html`<div class="actions"><button type="button" class="danger" @click=${this.runNow}>Remove them now (${r.setting} years)</button></div>`
        : nothing}
    </section>`;
  }

  async runNow() {
    try {
      const done = await api('/api/interviews/retention/runs', { method: 'POST' });
      announce(`Removed the records of ${done.students} students.`);
      this.preview();
    } catch (error) {
      this.retentionError = error;
    }
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
