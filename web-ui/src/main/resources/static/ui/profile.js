// An alumnus' own profile and consent: what students see of them (over the version read), and
// whether students may ask them, how, how often a month, a pause, or never again (one click); and
// their record removed from the platform altogether, on their own request.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { ApiScreen, announce, confirmed, describedBy, field, problem } from './components.js';
import { label } from './words.js';

class Profile extends ApiScreen {
  static source = '/api/contacts/me/profile';
  static properties = {
    ...ApiScreen.properties,
    saving: { state: true },
    saveError: { state: true },
    profileError: { state: true },
    removeError: { state: true },
  };

  heading() {
    return html`<h1>My profile and consent</h1>
      <p class="muted">Students of your university may ask you for a 20 to 30 minute conversation about your work. You decide whether, how and how often.</p>`;
  }

  content(me) {
    const c = me.consent;
    const errors = this.saveError?.fields || {};
    const profileErrors = this.profileError?.fields || {};
    const text = (name, words, hint) =>
      field({
        id: `me-${name}`,
        label: words,
        hint,
        error: profileErrors[name],
        control: html`<input id="me-${name}" name=${name} maxlength="200" .value=${me[name] ?? ''}
          aria-invalid=${profileErrors[name] ? 'true' : nothing} aria-describedby=${describedBy(`me-${name}`, hint, profileErrors[name])}>`,
      });
    return html`<form class="card" @submit=${this.saveProfile} novalidate aria-labelledby="me-heading">
        <h2 id="me-heading">${me.displayName}</h2>
        ${me.careerFields?.length ? html`<p class="muted">${me.careerFields.map(label).join(', ')}</p>` : nothing}
        <p>What students see of you. Your name, addresses and alumni record are the alumni office's.</p>
        ${problem(this.profileError && !Object.keys(profileErrors).length ? this.profileError : null)}
        <div class="grid">
          ${text('preferredName', 'The name you go by')} ${text('pronouns', 'Pronouns')}
          ${text('jobTitle', 'Job title')} ${text('organizationName', 'Employer')}
          ${text('city', 'City')} ${text('region', 'Region')} ${text('country', 'Country', 'Two letters: US, DE')}
          ${text('timeZone', 'Time zone', 'Such as America/New_York')} ${text('linkedinUrl', 'LinkedIn profile')}
        </div>
        <div class="actions"><button type="submit" ?disabled=${this.saving}>Save what students see</button></div>
      </form>
      <form class="card gap-above" @submit=${this.save} novalidate aria-labelledby="consent-heading">
        <h2 id="consent-heading">Requests from students</h2>
        ${problem(this.saveError && !Object.keys(errors).length ? this.saveError : null)}
        ${c.doNotContact ? html`<p class="notice warn" role="status">You asked never to be contacted. Turn requests on below to change that.</p>` : nothing}
        <div class="choice"><input type="checkbox" id="opted-in" name="optedIn" .checked=${c.optedIn && !c.doNotContact}>
          <label for="opted-in">Students may ask me for a conversation</label></div>
        ${field({
          id: 'preference',
          label: 'How requests reach me',
          control: html`<select id="preference" name="contactPreference">
            <option value="VIA_PLATFORM" ?selected=${c.contactPreference === 'VIA_PLATFORM'}>Through the platform: my address stays hidden</option>
            <option value="SHOW_EMAIL" ?selected=${c.contactPreference === 'SHOW_EMAIL'}>Students may see my email address</option>
          </select>`,
        })}
        ${field({
          id: 'capacity',
          label: 'At most this many requests a month',
          hint: '1 to 31; empty for no limit.',
          error: errors.maxRequestsPerMonth,
          control: html`<input id="capacity" name="maxRequestsPerMonth" type="number" min="1" max="31" inputmode="numeric"
            .value=${c.maxRequestsPerMonth ?? ''} aria-describedby=${describedBy('capacity', true, errors.maxRequestsPerMonth)}
            aria-invalid=${errors.maxRequestsPerMonth ? 'true' : nothing}>`,
        })}
        ${field({
          id: 'paused',
          label: 'Pause requests until (optional)',
          hint: 'No new requests reach you before this day.',
          error: errors.pausedUntil,
          control: html`<input id="paused" name="pausedUntil" type="date"
            .value=${c.pausedUntil ? c.pausedUntil.slice(0, 10) : ''} aria-describedby=${describedBy('paused', true, errors.pausedUntil)}>`,
        })}
        <div class="actions">
          <button type="submit" ?disabled=${this.saving}>${this.saving ? 'Saving…' : 'Save'}</button>
          <button type="button" class="secondary" ?disabled=${this.saving} @click=${this.never}>Never contact me again</button>
        </div>
      </form>
      ${this.removal()}`;
  }

  async save(event) {
    event.preventDefault();
    const f = event.target.elements;
    const capacity = f.maxRequestsPerMonth.value;
    await this.send(
      {
        optedIn: f.optedIn.checked,
        contactPreference: f.contactPreference.value,
        maxRequestsPerMonth: capacity === '' ? null : Number(capacity),
        pausedUntil: f.pausedUntil.value ? new Date(`${f.pausedUntil.value}T00:00:00`).toISOString() : null,
        doNotContact: false,
      },
      'Saved.',
    );
  }

  /** What students see: the fields of the form, the rest as they are; over the version read. */
  async saveProfile(event) {
    event.preventDefault();
    const me = this.loaded;
    const body = { phones: me.phones, industry: me.industry, careerFields: me.careerFields };
    for (const [name, value] of new FormData(event.target).entries()) {
      body[name] = value.trim() || null;
    }
    this.saving = true;
    this.profileError = null;
    try {
      this.loaded = await api('/api/contacts/me/profile', { method: 'PUT', body, version: me.version });
      announce('Saved: this is what students see.');
    } catch (error) {
      this.profileError =
        error.status === 412
          ? { title: 'Changed meanwhile', detail: 'Your record changed since this page opened (an import?). Reload the page and make your change again.' }
          : error;
    } finally {
      this.saving = false;
    }
  }

  removal() {
    return html`<section class="card below" aria-labelledby="remove-heading">
      <h2 id="remove-heading">Remove my record</h2>
      <p>Your record, your account here and what the platform kept about you go from every part of
        it; students keep their own notes of a conversation, without your details. This cannot be
        undone; you are signed out.</p>
      ${problem(this.removeError)}
      <div class="actions">
        <button type="button" class="secondary" ?disabled=${this.saving} @click=${this.removeMe}>Remove my record…</button>
      </div>
    </section>`;
  }

  async removeMe() {
    const sure = await confirmed({
      title: 'Remove your record?',
      body: 'Your record, your account and what the platform kept about you go. This cannot be undone; you are signed out.',
      yes: 'Yes, remove my record',
    });
    if (!sure) {
      return;
    }
    this.saving = true;
    try {
      await api('/api/contacts/me/erasure', { method: 'POST', body: {} });
      // signed out at once: the app's own sign-out form carries the CSRF token
      document.querySelector('form[action="/logout"]').requestSubmit();
    } catch (error) {
      this.removeError = error;
      this.saving = false;
    }
  }

  never() {
    this.send({ optedIn: false, doNotContact: true }, 'Done: no student will be able to ask you.');
  }

  async send(body, said) {
    this.saving = true;
    this.saveError = null;
    try {
      this.loaded = await api('/api/contacts/me/profile/consent', { method: 'PUT', body });
      announce(said);
    } catch (error) {
      this.saveError = error;
    } finally {
      this.saving = false;
    }
  }
}

customElements.define('ii-profile', Profile);
