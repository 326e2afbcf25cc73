// All of a student's interviews, newest first, each leading to its workspace.
import { html } from 'lit';
import { ApiScreen, empty } from './components.js';
import { label } from './words.js';
import { when } from './time.js';

class Interviews extends ApiScreen {
  static source = '/api/interviews/interviews?size=100';

  heading() {
    return html`<h1>My interviews</h1>
      <p><a href="/find">Find someone to talk to</a></p>`;
  }

  content(interviews) {
    if (interviews.length === 0) {
      return empty('No interview yet: find someone in a field you are curious about.');
    }
    return html`<ul class="list card">
      ${interviews.map(
        (i) => html`<li>
          <a href="/interviews/${encodeURIComponent(i.id)}"><strong>${i.contact.displayName}</strong></a>
          <span class="badge">${label(i.status)}</span><br>
          <span class="muted">${i.purpose}</span>
          ${i.appointment ? html`<br>${when(i.appointment.start)}` : ''}
        </li>`,
      )}
    </ul>`;
  }
}

customElements.define('ii-interviews', Interviews);
