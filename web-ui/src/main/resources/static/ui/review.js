// The directory's possible duplicates, for admins: two records side by side with why they were
// proposed; the same person (one record kept, the other merged into it), the same person kept as
// two records, or two people. A merge can be undone from the decided ones.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { PagedList, announce, empty, field, problem } from './components.js';
import { when } from './time.js';
import { label } from './words.js';

/** What each state is called on the screen, and what a review in it shows. */
const STATES = {
  OPEN: 'Waiting for a decision',
  MERGED: 'Merged',
  KEPT_BOTH: 'Same person, both records kept',
  DISTINCT: 'Two people',
  CLOSED: 'Closed (a record was removed)',
};

class Review extends PagedList {
  static properties = { ...PagedList.properties, status: { state: true } };
  static pageSize = 20;

  constructor() {
    super();
    this.status = 'OPEN';
  }

  /** A page of the chosen state, both records of each review read beside it. */
  async fetchPage(page) {
    const found = await api(`/api/contacts/matches?status=${this.status}&page=${page}&size=${Review.pageSize}`);
    return Promise.all(found.map((review) => withRecords(review)));
  }

  render() {
    return html`<h1>Possible duplicates</h1>
      <p>People the directory may hold twice: the same name in one family, sharing a class year or an
        employer, or one person under two alumni ids when the class year and something stronger agree.
        Nothing is merged until you decide.</p>
      <div class="row">
        ${field({
          id: 'review-status',
          label: 'Show',
          control: html`<select id="review-status" @change=${(e) => { this.status = e.target.value; this.load(); }}>
            ${Object.entries(STATES).map(
              ([value, words]) => html`<option value=${value} ?selected=${value === this.status}>${words}</option>`,
            )}
          </select>`,
        })}
        <div class="actions at-end">
          <button class="secondary" ?disabled=${this.busy} @click=${() => this.scan()}>Look for duplicates now</button>
        </div>
      </div>
      ${problem(this.error)}
      ${this.listed((reviews) => this.list(reviews))}`;
  }

  list(reviews) {
    if (reviews.length === 0) {
      return empty(this.status === 'OPEN' ? 'Nothing to decide: no possible duplicate is waiting.' : 'None.');
    }
    return html`${reviews.map((item) => this.review(item))} ${this.moreButton()}`;
  }

  review({ review, first, second }) {
    const heading = `r-${review.id}`;
    return html`<article class="card gap-below" aria-labelledby=${heading}>
      <h2 id=${heading}>${title(review, first, second)}</h2>
      <p class="muted">Found ${when(review.foundAt)}${review.decidedAt
        ? html`; ${STATES[review.status].toLowerCase()} ${when(review.decidedAt)}${review.decidedBy
          ? ` by ${review.decidedBy === this.me.userId ? 'you' : review.decidedBy}`
          : ''}`
        : nothing}</p>
      <h3>Why</h3>
      <ul>${review.explanation.map((line) => html`<li>${line}</li>`)}</ul>
      <div class="grid">
        ${this.record(first, review.firstId, review)}
        ${this.record(second, review.secondId, review)}
      </div>
      ${review.status === 'OPEN'
        ? html`<div class="actions">
            <button class="secondary" ?disabled=${this.busy} @click=${() => this.decide(review, 'keep-both')}>The same person: keep both records</button>
            <button class="secondary" ?disabled=${this.busy} @click=${() => this.decide(review, 'distinct')}>Two people</button>
          </div>`
        : nothing}
      ${review.status === 'MERGED'
        ? html`<div class="actions"><button ?disabled=${this.busy} @click=${() => this.decide(review, 'undo')}>Undo the merge</button></div>`
        : nothing}
    </article>`;
  }

  /** One of the two records as staff compare them; while open, "keep this one" merges into it. */
  record(contact, id, review) {
    if (!contact) {
      return html`<section class="card"><p class="muted">${review.mergedId === id
        ? 'Merged into the other record; undoing the merge brings it back.'
        : 'This record is no longer in the directory.'}</p></section>`;
    }
    const rows = [
      ['Alumni id', contact.alumni?.externalId],
      ['Class year', contact.alumni?.graduationYear],
      ['Degree', [contact.alumni?.degree, contact.alumni?.major].filter(Boolean).join(', ')],
      ['Email', contact.emails.join(', ')],
      ['Phone', contact.phones.join(', ')],
      ['Works as', [contact.jobTitle, contact.organizationName].filter(Boolean).join(' at ')],
      ['Career fields', contact.careerFields.map(label).join(', ')],
      ['Lives in', [contact.city, contact.region, contact.country].filter(Boolean).join(', ')],
      ['LinkedIn', contact.linkedinUrl],
      ['May be asked', contact.consent.doNotContact ? 'never (do not contact)' : contact.consent.optedIn ? 'yes' : 'no'],
      ['Came from', label(contact.source)],
      ['Last changed', when(contact.updatedAt)],
    ].filter(([, value]) => value !== undefined && value !== null && value !== '');
    const kept = review.survivorId === id;
    return html`<section class="card" aria-label=${`${contact.displayName}, ${id === review.firstId ? 'first' : 'second'} record`}>
      <h3>${contact.displayName}${kept ? html` <span class="badge ok">kept</span>` : nothing}</h3>
      <dl class="facts">${rows.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl>
      ${review.status === 'OPEN'
        ? html`<div class="actions"><button ?disabled=${this.busy}
            @click=${() => this.decide(review, 'merge', id)}
            aria-label=${`The same person: keep this record of ${contact.displayName} and merge the other into it`}>The same person: keep this record</button></div>`
        : nothing}
    </section>`;
  }

  async decide(review, what, survivorId) {
    this.busy = what;
    this.error = null;
    try {
      await api(`/api/contacts/matches/${encodeURIComponent(review.id)}/${what}`, {
        method: 'POST',
        body: what === 'merge' ? { survivorId } : undefined,
      });
      announce(
        {
          merge: 'Merged: one record kept, the other folded into it.',
          'keep-both': 'Kept as two records of one person.',
          distinct: 'Kept as two people; they will not be proposed again.',
          undo: 'The merge is undone: both records are back, and the pair waits for a decision.',
        }[what],
      );
      await this.load();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = null;
    }
  }

  async scan() {
    this.busy = 'scan';
    this.error = null;
    try {
      const { opened } = await api('/api/contacts/matches/scan', { method: 'POST' });
      announce(opened === 1 ? 'One new possible duplicate.' : `${opened} new possible duplicates.`);
      if (this.status === 'OPEN') {
        await this.load();
      }
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = null;
    }
  }
}

/** The review with both records as the directory holds them now (null: no longer there). */
async function withRecords(review) {
  const read = (id) => api(`/api/contacts/contacts/${encodeURIComponent(id)}`).catch(() => null);
  const [first, second] = await Promise.all([read(review.firstId), read(review.secondId)]);
  return { review, first, second };
}

/** "Ana Ruiz and Ana Ruiz"; a merged pair by the record kept; a record gone by its id. */
function title(review, first, second) {
  const kept = [first, second].find((c) => c && c.id === review.survivorId);
  if (review.status === 'MERGED' && kept) {
    return `${kept.displayName}: two records merged into one`;
  }
  const name = (contact, id) => (contact ? contact.displayName : `record ${id}`);
  return `${name(first, review.firstId)} and ${name(second, review.secondId)}`;
}

customElements.define('ii-review', Review);
