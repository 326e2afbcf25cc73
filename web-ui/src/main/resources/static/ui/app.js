// The application shell: who is signed in, their bar and navigation, and the screen the address
// names. Every screen is a path the gateway sends here; the answer page needs no account.
import { html, nothing } from 'lit';
import { api, maskedCsrfToken } from './api.js';
import { LightElement, loading, problem } from './components.js';

/** The screen an address names: its title and the element, loaded when first needed. */
function screenOf(path, me) {
  const staff = me.roles.includes('ADVISOR') || me.roles.includes('ADMIN');
  if (path === '/') {
    if (me.roles.includes('STUDENT')) return ['Home', 'ii-student-home', () => import('./student-home.js')];
    if (staff) return ['Home', 'ii-staff-home', () => import('./staff-home.js')];
    return ['Requests to me', 'ii-requests', () => import('./requests.js')];
  }
  if (path === '/sharing' && me.roles.includes('STUDENT')) return ['Sharing with an advisor', 'ii-sharing', () => import('./sharing.js')];
  if (me.roles.includes('ADVISOR') && /^\/shared(\/[^/]+)?$/.test(path)) return ['Shared with me', 'ii-shared', () => import('./sharing.js')];
  if (path === '/network') return ['My network', 'ii-network', () => import('./network.js')];
  if (path === '/research') return ['Research', 'ii-research', () => import('./research.js')];
  if (path === '/inbox') return ['Inbox', 'ii-inbox', () => import('./inbox.js')];
  if (path === '/settings') return ['Settings', 'ii-settings', () => import('./settings.js')];
  if (path === '/requests') return ['Requests to me', 'ii-requests', () => import('./requests.js')];
  if (path === '/profile') return ['My profile and consent', 'ii-profile', () => import('./profile.js')];
  if (path === '/imports') return ['Alumni imports', 'ii-imports', () => import('./imports.js')];
  const admin = me.roles.includes('ADMIN');
  if (staff && path === '/question-bank') return ['Question bank', 'ii-question-bank-screen', () => import('./question-bank.js')];
  if (staff && path === '/analytics') return ['Cohort analytics', 'ii-analytics', () => import('./analytics.js')];
  if (staff && path === '/templates') return ['Templates', 'ii-templates', () => import('./templates.js')];
  if (admin && path === '/duplicates') return ['Possible duplicates', 'ii-review', () => import('./review.js')];
  if (admin && path === '/messages') return ['Messages that did not go', 'ii-deliveries', () => import('./deliveries.js')];
  if (admin && path === '/audit') return ['Audit log', 'ii-audit-log', () => import('./audit.js')];
  if (admin && path === '/erasures') return ['Erasure and retention', 'ii-erasures', () => import('./erasures.js')];
  if (admin && path === '/imports/profiles') return ['Column profiles', 'ii-profiles', () => import('./profiles.js')];
  if (admin && path === '/alumni-sync') return ['Alumni database sync', 'ii-sync', () => import('./sync.js')];
  if (admin && path === '/organizations') return ['Organizations', 'ii-organizations', () => import('./organizations.js')];
  if (admin && path === '/career-fields') return ['Career fields', 'ii-career-fields', () => import('./career-fields.js')];
  if (path === '/find') return ['Find people', 'ii-find-people', () => import('./find.js')];
  if (path === '/find/import') return ['Bring your own contacts', 'ii-my-imports', () => import('./imports.js')];
  if (path === '/interviews') return ['My interviews', 'ii-interviews', () => import('./interviews.js')];
  if (/^\/interviews\/[^/]+$/.test(path)) return ['Interview', 'ii-interview', () => import('./interview.js')];
  return null;
}

/** Back from sign-in the gateway's address ends in "?continue": the page's own address is shown. */
function forgetSignInMarker() {
  const url = new URL(window.location.href);
  if (url.searchParams.has('continue')) {
    url.searchParams.delete('continue');
    window.history.replaceState(window.history.state, '', url);
  }
}

/** Sign-out is a form post (the gateway then leads on to the provider's sign-out page). */
function signOut(event) {
  event.target.elements._csrf.value = maskedCsrfToken();
}

class App extends LightElement {
  static properties = {
    me: { state: true },
    screen: { state: true },
    error: { state: true },
    unread: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    forgetSignInMarker();
    const path = window.location.pathname.replace(/\/+$/, '') || '/';
    if (path === '/answer') {
      import('./answer-page.js').then(() => (this.screen = 'ii-answer-page'));
      return;
    }
    api('/api/contacts/me')
      .then((me) => {
        me.roles = (me.roles || []).map((role) => role.toUpperCase());
        this.me = me;
        this.followInbox();
        const screen = screenOf(path, me);
        if (!screen) {
          this.error = { title: 'Page not found', detail: `There is no page at ${path}.` };
          return null;
        }
        const [title, tag, load] = screen;
        document.title = `${title} · InfoInterview`;
        return load().then(() => (this.screen = tag));
      })
      .catch((error) => (this.error = error));
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.inbox?.close();
  }

  /**
   * The unread count in the bar, live: notifications-service's stream (Server-Sent Events) says it
   * at once and at every change; screens hear it as the window's `ii-inbox` event.
   */
  followInbox() {
    if (typeof EventSource === 'undefined') {
      return;
    }
    this.inbox = new EventSource('/api/notifications/me/inbox/stream');
    this.inbox.addEventListener('inbox', (event) => {
      const change = JSON.parse(event.data);
      this.unread = change.unread;
      window.dispatchEvent(new CustomEvent('ii-inbox', { detail: change }));
    });
  }

  render() {
    if (this.screen === 'ii-answer-page') {
      return html`<ii-answer-page></ii-answer-page>`;
    }
    return html`${this.bar()}
      <main id="main" class="page" tabindex="-1">
        ${problem(this.error)}
        ${!this.screen && !this.error ? loading() : nothing}
        ${this.screen ? this.content() : nothing}
      </main>`;
  }

  content() {
    // Every screen element takes the signed-in person.
    if (this.element?.localName !== this.screen) {
      this.element = document.createElement(this.screen);
      this.element.me = this.me;
    }
    return this.element;
  }

  bar() {
    const here = window.location.pathname;
    const link = (href, text) =>
      html`<li><a href=${href} aria-current=${here === href ? 'page' : nothing}>${text}</a></li>`;
    const staff = this.me && (this.me.roles.includes('ADVISOR') || this.me.roles.includes('ADMIN'));
    const student = this.me && this.me.roles.includes('STUDENT');
    const admin = this.me && this.me.roles.includes('ADMIN');
    const alumnus = this.me && this.me.roles.includes('ALUMNUS');
    return html`<header class="bar">
      <a class="brand" href="/">InfoInterview</a>
      ${this.me
        ? html`<nav aria-label="Main">
            <ul>
              ${link('/', 'Home')}
              <li><a href="/inbox" aria-current=${here === '/inbox' ? 'page' : nothing}
                data-unread=${this.unread ?? nothing}>Inbox${this.unread
                  ? html` <span class="badge" aria-hidden="true">${this.unread}</span><span class="visually-hidden">, ${this.unread} unread</span>`
                  : nothing}</a></li>
              ${student ? link('/research', 'Research') : nothing}
              ${student ? link('/find', 'Find people') : nothing}
              ${student ? link('/interviews', 'My interviews') : nothing}
              ${student ? link('/network', 'My network') : nothing}
              ${alumnus ? link('/profile', 'My profile') : nothing}
              ${admin ? link('/imports', 'Imports') : nothing}
              ${admin ? link('/duplicates', 'Duplicates') : nothing}
              ${admin ? link('/career-fields', 'Career fields') : nothing}
              ${admin ? link('/messages', 'Messages') : nothing}
              ${admin ? link('/audit', 'Audit log') : nothing}
              ${this.me.roles.includes('ADVISOR') ? link('/shared', 'Shared with me') : nothing}
              ${staff ? link('/analytics', 'Analytics') : nothing}
              ${staff ? link('/question-bank', 'Question bank') : nothing}
              ${staff ? link('/templates', 'Templates') : nothing}
              ${staff ? link('/requests', 'Requests to me') : nothing}
              ${staff ? html`<li><a href="/docs">API</a></li>` : nothing}
              ${link('/settings', 'Settings')}
              <li>
                <form method="post" action="/logout" @submit=${signOut}>
                  <input type="hidden" name="_csrf" value="">
                  <button type="submit" class="link">Sign out</button>
                </form>
              </li>
            </ul>
          </nav>
          <span class="visually-hidden">Signed in as</span><span>${this.me.displayName}</span>`
        : nothing}
    </header>`;
  }
}

customElements.define('ii-app', App);
