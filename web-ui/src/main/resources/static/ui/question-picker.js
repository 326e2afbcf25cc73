// The question bank's picker in the interview workspace: loaded after the workspace's first paint
// (the preparation step upgrades its <ii-question-bank> once it is here).
import { html, nothing } from 'lit';
import { api } from './api.js';
import { LightElement } from './components.js';
import { label } from './words.js';

/**
 * The question bank, to add one: topic by topic, the career center's own questions first (its
 * recommended ones marked), then the built-in ones; for the interview's career field when it has one.
 */
class QuestionBank extends LightElement {
  static properties = { questions: { state: true }, careerField: { attribute: false } };

  connectedCallback() {
    super.connectedCallback();
    const field = this.careerField ? `?careerField=${encodeURIComponent(this.careerField)}` : '';
    api(`/api/interviews/question-bank${field}`).then((q) => (this.questions = q)).catch(() => (this.questions = []));
  }

  render() {
    if (!this.questions?.length) {
      return nothing;
    }
    const topics = [...new Set(this.questions.map((q) => q.topic))];
    const words = (q) => (q.recommended ? `Recommended by your career center: ${q.text}` : q.curated ? `From your career center: ${q.text}` : q.text);
    return html`<label class="visually-hidden" for="bank">Add a question from the question bank</label>
      <select id="bank" @change=${(e) => {
        if (e.target.value) {
          this.dispatchEvent(new CustomEvent('picked', { detail: e.target.value }));
          e.target.value = '';
        }
      }}>
        <option value="">Add from the question bank…</option>
        ${topics.map(
          (topic) => html`<optgroup label=${label(topic)}>
            ${this.questions.filter((q) => q.topic === topic).map((q) => html`<option value=${q.text}>${words(q)}</option>`)}
          </optgroup>`,
        )}
      </select>`;
  }
}

customElements.define('ii-question-bank', QuestionBank);
