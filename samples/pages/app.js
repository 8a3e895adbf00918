// Shared behaviour of the sample pages.

// Draws a fading ring at every pointer press, including presses inside a modal dialog.
document.addEventListener('pointerdown', (event) => {
  const ring = document.createElement('div');
  ring.className = 'click-ring';
  ring.style.left = event.clientX + 'px';
  ring.style.top = event.clientY + 'px';
  const host = document.querySelector('dialog[open]') || document.body;
  host.appendChild(ring);
  setTimeout(() => ring.remove(), 700);
}, true);

// Opens a modal dialog and shows its name in the window title, so the recorder can see the change.
function openDialog(id, title) {
  const dialog = document.getElementById(id);
  dialog.dataset.pageTitle = document.title;
  dialog.showModal();
  document.title = title;
}

function closeDialog(id) {
  const dialog = document.getElementById(id);
  dialog.close();
  if (dialog.dataset.pageTitle) {
    document.title = dialog.dataset.pageTitle;
  }
}

// With "?layout" in the URL, writes the viewport size ("viewport WIDTH HEIGHT") and the centre of every element
// marked data-target ("target NAME X Y") into <pre id="layout">, one line each. The recorder reads it with chromium --dump-dom.
// Dialogs are opened one at a time to measure the controls inside them.
function writeLayout() {
  const lines = [`viewport ${window.innerWidth} ${window.innerHeight}`];
  const measure = (root) => {
    root.querySelectorAll('[data-target]').forEach((element) => {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && (root.tagName === 'DIALOG' || !element.closest('dialog'))) {
        lines.push(`target ${element.dataset.target} ${Math.round(box.left + box.width / 2)} ${Math.round(box.top + box.height / 2)}`);
      }
    });
  };
  measure(document);
  document.querySelectorAll('dialog').forEach((dialog) => {
    dialog.showModal();
    measure(dialog);
    dialog.close();
  });
  const output = document.createElement('pre');
  output.id = 'layout';
  output.textContent = '\n' + lines.join('\n') + '\n';
  document.body.appendChild(output);
}

if (location.search === '?layout') {
  window.addEventListener('load', writeLayout);
}
