// The one dialog: a question before an action that cannot be taken back (a removal, an undo, a
// revoked link). A native modal <dialog>: the page behind is inert, focus starts on the safe
// answer, Escape is "no", and focus returns where it was. Loaded the first time one is asked.

/**
 * Asks `title` with `body` (plain text); answers true when the person chose `yes`, false for `no`,
 * Escape or closing. `danger` paints the `yes` button as destructive.
 */
export function ask({ title, body, yes, no = 'Keep it', danger = true }) {
  const before = document.activeElement;
  const dialog = document.createElement('dialog');
  dialog.className = 'dialog';
  dialog.setAttribute('aria-labelledby', 'ii-dialog-title');
  dialog.setAttribute('aria-describedby', 'ii-dialog-body');
  const heading = document.createElement('h2');
  heading.id = 'ii-dialog-title';
  heading.textContent = title;
  const text = document.createElement('p');
  text.id = 'ii-dialog-body';
  text.textContent = body;
  const actions = document.createElement('div');
  actions.className = 'actions';
  const keep = button(no, 'secondary', () => dialog.close('no'));
  const act = button(yes, danger ? 'danger' : '', () => dialog.close('yes'));
  actions.append(act, keep);
  dialog.append(heading, text, actions);
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      before?.focus?.();
      resolve(dialog.returnValue === 'yes');
    });
    dialog.showModal();
    keep.focus();
  });
}

function button(words, className, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = words;
  b.addEventListener('click', onClick);
  return b;
}
