// What reaches the signed-in person and when: reminders by mail and in the inbox, the language and
// time zone of their mail, quiet hours, a daily digest; and a private calendar feed address for
// their calendar app; everything the platform holds about them, as one download.
import { html, nothing } from 'lit';
import { api, download } from './api.js';
import { ApiScreen, announce, confirmed, describedBy, field, problem } from './components.js';
import { viewerZone } from './time.js';

const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [viewerZone];

class Settings extends ApiScreen {
  static source = '/api/notifications/me/preferences';
  static properties = {
    saving: { state: true },
    saveError: { state: true },
    quiet: { state: true },
    digest: { state: true },
    feed: { state: true },
    feedError: { state: true },
    exporting: { state: true },
    exportError: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    api('/api/notifications/me/calendar-feed')
      .then((feed) => (this.feed = feed))
      .catch((error) => {
        if (error.status === 404) {
          this.feed = null;
        } else {
          this.feedError = error;
        }
      });
  }

  heading() {
    return html`<h1>Settings</h1>
      ${this.me?.roles.includes('STUDENT')
        ? html`<p><a href="/sharing">Sharing with an advisor, and who saw my records</a></p>`
        : ''}`;
  }

  content(p) {
    const errors = this.saveError?.fields || {};
    const quiet = this.quiet ?? Boolean(p.quietHours);
    const digest = this.digest ?? Boolean(p.dailyDigestAt);
    return html`<form class="card" @submit=${this.save} novalidate aria-labelledby="mail-heading">
        <h2 id="mail-heading">Reminders and mail</h2>
        ${problem(this.saveError && !Object.keys(errors).length ? this.saveError : null)}
        <fieldset>
          <legend>Remind me of meetings, thank-yous, follow-ups and action items</legend>
          <div class="choice"><input type="checkbox" id="by-mail" name="emailReminders" .checked=${p.emailReminders}>
            <label for="by-mail">By email</label></div>
          <div class="choice"><input type="checkbox" id="in-app" name="inAppReminders" .checked=${p.inAppReminders}>
            <label for="in-app">In my inbox here</label></div>
        </fieldset>
        ${field({
          id: 'language',
          label: 'Language of my mail',
          control: html`<select id="language" name="language">
            <option value="en" ?selected=${p.language === 'en'}>English</option>
            <option value="es" ?selected=${p.language === 'es'} lang="es">Español</option>
          </select>`,
        })}
        ${field({
          id: 'zone',
          label: 'Time zone of the times in my mail',
          hint: `Empty: the one your sign-in says. This browser is in ${viewerZone}.`,
          error: errors.timeZone,
          control: html`<input id="zone" name="timeZone" list="zones" autocomplete="off" .value=${p.timeZone ?? ''}
              aria-describedby=${describedBy('zone', true, errors.timeZone)} aria-invalid=${errors.timeZone ? 'true' : nothing}>
            <datalist id="zones">${ZONES.map((zone) => html`<option value=${zone}></option>`)}</datalist>`,
        })}
        <fieldset>
          <legend>Quiet hours</legend>
          <div class="choice"><input type="checkbox" id="quiet" .checked=${quiet} @change=${(e) => (this.quiet = e.target.checked)}>
            <label for="quiet">Hold mail that can wait during these hours (a meeting's reminder still comes)</label></div>
          ${quiet
            ? html`<div class="row">
                ${this.time('quiet-from', 'From', 'quietFrom', p.quietHours?.from ?? '21:00', errors['quietHours.from'])}
                ${this.time('quiet-until', 'Until', 'quietUntil', p.quietHours?.until ?? '07:00', errors['quietHours.until'])}
              </div>`
            : nothing}
        </fieldset>
        <fieldset>
          <legend>Daily digest</legend>
          <div class="choice"><input type="checkbox" id="digest" .checked=${digest} @change=${(e) => (this.digest = e.target.checked)}>
            <label for="digest">Gather mail that can wait into one mail a day</label></div>
          ${digest ? this.time('digest-at', 'At', 'dailyDigestAt', p.dailyDigestAt ?? '08:00', errors.dailyDigestAt) : nothing}
        </fieldset>
        <div class="actions">
          <button type="submit" ?disabled=${this.saving}>${this.saving ? 'Saving…' : 'Save'}</button>
        </div>
      </form>
      ${this.calendar()} ${this.yourData()}`;
  }

  time(id, text, name, value, error) {
    return field({
      id,
      label: text,
      error,
      control: html`<input id=${id} name=${name} type="time" required .value=${value}
        aria-describedby=${describedBy(id, false, error)} aria-invalid=${error ? 'true' : nothing}>`,
    });
  }

  async save(event) {
    event.preventDefault();
    const f = event.target.elements;
    const body = {
      emailReminders: f.emailReminders.checked,
      inAppReminders: f.inAppReminders.checked,
      language: f.language.value,
      timeZone: f.timeZone.value.trim() || null,
      quietHours: f.quietFrom ? { from: f.quietFrom.value, until: f.quietUntil.value } : null,
      dailyDigestAt: f.dailyDigestAt ? f.dailyDigestAt.value : null,
    };
    this.saving = true;
    try {
      this.loaded = await api(Settings.source, { method: 'PUT', body });
      this.saveError = null;
      announce('Saved. Mail already waiting follows the new settings.');
    } catch (error) {
      this.saveError = error;
    } finally {
      this.saving = false;
    }
  }

  calendar() {
    return html`<section class="card below" aria-labelledby="feed-heading">
      <h2 id="feed-heading">Calendar feed</h2>
      <p>Your agreed conversations in your own calendar app (Google Calendar, Outlook, Apple
        Calendar): subscribe to a private address. Anyone who has the address can read it.</p>
      ${problem(this.feedError)}
      ${this.feed?.url
        ? html`<p class="notice ok" role="status">Copy this address now; it is shown only once.</p>
            ${field({
              id: 'feed-url',
              label: 'Your calendar feed address',
              control: html`<input id="feed-url" readonly .value=${this.feed.url} @focus=${(e) => e.target.select()}>`,
            })}`
        : nothing}
      ${this.feed?.createdAt && !this.feed.url ? html`<p>You have a feed address since ${new Date(this.feed.createdAt).toLocaleDateString()}.</p>` : nothing}
      <div class="actions">
        <button type="button" @click=${this.newFeed}>${this.feed ? 'Make a new address (the old one stops)' : 'Make a feed address'}</button>
        ${this.feed ? html`<button type="button" class="secondary" @click=${this.stopFeed}>Stop the feed</button>` : nothing}
      </div>
    </section>`;
  }

  yourData() {
    return html`<section class="card below" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p>Everything the platform holds about you, in one ZIP file: your profile, contacts,
        interviews with their notes, messages, preferences, and who did what with your records.
        JSON files, and spreadsheet (CSV) files for contacts and interviews.</p>
      ${problem(this.exportError)}
      <div class="actions">
        <button type="button" @click=${this.downloadData} ?disabled=${this.exporting}>
          ${this.exporting ? 'Putting it together…' : 'Download my data'}</button>
      </div>
    </section>`;
  }

  async downloadData() {
    this.exporting = true;
    try {
      const name = await download('/api/me/export', 'infointerview-export.zip');
      this.exportError = null;
      announce(`Your data is downloading as ${name}.`);
    } catch (error) {
      this.exportError = error;
    } finally {
      this.exporting = false;
    }
  }

  newFeed() {
    api('/api/notifications/me/calendar-feed', { method: 'POST' })
      .then((feed) => {
        this.feed = feed;
        this.feedError = null;
      })
      .catch((error) => (this.feedError = error));
  }

  async stopFeed() {
    if (!(await confirmed({
      title: 'Stop the calendar feed?',
      body: 'Calendars subscribed to its address stop updating. A new address can be made at any time.',
      yes: 'Yes, stop it',
    }))) {
      return;
    }
    api('/api/notifications/me/calendar-feed', { method: 'DELETE' })
      .then(() => {
        this.feed = null;
        this.feedError = null;
        announce('The feed address no longer works.');
      })
      .catch((error) => (this.feedError = error));
  }
}

customElements.define('ii-settings', Settings);
