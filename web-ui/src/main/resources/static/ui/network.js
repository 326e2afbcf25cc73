// My network: the chain of "who else should I talk to?". Each conversation with the people it led
// to: referrals followed by a conversation of their own, and those not yet asked, with a way to
// plan that conversation as the referral's follow-on.
import { html, nothing } from 'lit';
import { api } from './api.js';
import { LightElement, empty, loading, problem } from './components.js';
import { label } from './words.js';

const PAGE = 100;

class Network extends LightElement {
  static properties = { interviews: { state: true }, error: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load().catch((error) => (this.error = error));
  }

  /** Every interview of the student, a page of 100 at a time. */
  async load() {
    const all = [];
    for (let page = 0; ; page++) {
      const found = await api(`/api/interviews/interviews?size=${PAGE}&page=${page}`);
      all.push(...found);
      if (found.length < PAGE) break;
    }
    this.interviews = all;
  }

  render() {
    return html`<h1>My network</h1>
      <p class="muted">Each conversation can lead to the next: the people you were referred to, and
        whom they led you to in turn.</p>
      ${problem(this.error)}
      ${this.interviews === undefined && !this.error ? loading() : nothing}
      ${this.interviews ? this.tree() : nothing}`;
  }

  tree() {
    if (!this.interviews.some((i) => i.referrals.length)) {
      return empty('No referrals yet. At the end of a conversation, ask: "Who else should I talk to?"');
    }
    const byId = new Map(this.interviews.map((i) => [i.id, i]));
    const followed = new Map(
      this.interviews.filter((i) => i.referredThrough).map((i) => [i.referredThrough.referralId, i]),
    );
    // a chain starts at a conversation that led somewhere and was not itself led to by one shown
    const starts = this.interviews.filter(
      (i) => i.referrals.length && !(i.referredThrough && byId.has(i.referredThrough.interviewId)),
    );
    return html`<ul class="network" aria-label="Conversations and the people they led to">
      ${starts.map((i) => this.node(i, followed, new Set()))}
    </ul>`;
  }

  node(interview, followed, seen) {
    seen.add(interview.id);
    return html`<li>
      <a href="/interviews/${encodeURIComponent(interview.id)}"><strong>${interview.contact.displayName}</strong></a>${
        interview.contact.organizationName ? html`<span class="muted">, ${interview.contact.organizationName}</span>` : nothing}
      <span class="badge">${label(interview.status)}</span>
      ${interview.referrals.length
        ? html`<ul>${interview.referrals.map((referral) => {
            const next = followed.get(referral.referralId);
            if (next && !seen.has(next.id)) {
              return this.node(next, followed, seen);
            }
            const find = new URLSearchParams({ q: referral.name, fromReferral: referral.referralId });
            return html`<li>${referral.name}${referral.organizationName ? html`<span class="muted">, ${referral.organizationName}</span>` : nothing}
              <span class="badge warn">not asked yet</span>
              ${referral.why ? html`<br><span class="muted">${referral.why}</span>` : nothing}
              <br><a href="/find?${find}">Plan a conversation with ${referral.name}</a></li>`;
          })}</ul>`
        : nothing}
    </li>`;
  }
}

customElements.define('ii-network', Network);
