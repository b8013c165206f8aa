// Protokol editor: progressive enhancement only. Every screen works without this file; with
// it, nothing typed is lost (drafts in localStorage, a warning before leaving unsaved
// changes) and section texts get a small rich-text toolbar. Served from our own origin
// (CSP `default-src 'self'`), no build step, no dependencies.
/* global window, document, CSS, DOMParser */
(function () {
  'use strict';

  var PREFIX = 'protokol-kladde:';
  var SAVE_EVERY_MS = 5000;
  var SAVE_AFTER_INPUT_MS = 800;

  function storage() {
    try {
      var s = window.localStorage;
      var probe = PREFIX + 'probe';
      s.setItem(probe, '1');
      s.removeItem(probe);
      return s;
    } catch {
      return null; // private mode, disabled storage: the forms still work
    }
  }
  var store = storage();

  // ---- form values -----------------------------------------------------------------------

  /** What the user typed: every named field except the token, the version and files. */
  function readFields(form) {
    var out = [];
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.name === '_csrf' || el.name === 'version' || el.disabled) continue;
      if (el.type === 'file' || el.type === 'submit' || el.type === 'button' || el.type === 'hidden') continue;
      if (el.type === 'checkbox' || el.type === 'radio') {
        out.push([el.name, el.value, el.checked]);
      } else {
        out.push([el.name, el.value]);
      }
    }
    return out;
  }

  function writeFields(form, fields) {
    var seen = {};
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      var name = f[0];
      var candidates = form.querySelectorAll('[name="' + cssEscape(name) + '"]');
      if (f.length === 3) {
        for (var j = 0; j < candidates.length; j++) if (candidates[j].value === f[1]) candidates[j].checked = f[2];
        continue;
      }
      // Repeated names (the sections) are matched by position.
      var index = seen[name] || 0;
      seen[name] = index + 1;
      var textual = [];
      for (var k = 0; k < candidates.length; k++) if (candidates[k].type !== 'hidden') textual.push(candidates[k]);
      var el = textual[index];
      if (el) {
        el.value = f[1];
        el.dispatchEvent(new Event('protokol:restored'));
      }
    }
    syncClosedFields(form);
  }

  function cssEscape(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&');
  }

  function sameFields(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  // ---- drafts ----------------------------------------------------------------------------

  function loadDraft(key) {
    if (!store) return null;
    try {
      return JSON.parse(store.getItem(PREFIX + key) || 'null');
    } catch {
      return null;
    }
  }

  function saveDraft(key, draft) {
    if (!store) return;
    try {
      store.setItem(PREFIX + key, JSON.stringify(draft));
    } catch {
      /* storage full: nothing to do, the form still posts */
    }
  }

  function clock(ms) {
    var d = new Date(ms);
    var pad = function (n) {
      return (n < 10 ? '0' : '') + n;
    };
    return 'kl. ' + pad(d.getHours()) + '.' + pad(d.getMinutes());
  }

  /**
   * After a save the server redirects to a page with a success message: drafts submitted
   * from the previous page are then saved for real and can go. On any other page (an error
   * summary, a failed request) they stay, unmarked, as the user's safety net.
   */
  function settleSubmittedDrafts() {
    if (!store) return;
    var succeeded = document.querySelector('.alert-success[role="status"]') !== null;
    for (var i = store.length - 1; i >= 0; i--) {
      var key = store.key(i);
      if (!key || key.indexOf(PREFIX) !== 0) continue;
      var draft = loadDraft(key.slice(PREFIX.length));
      if (!draft || !draft.submitted) continue;
      if (succeeded) store.removeItem(key);
      else {
        draft.submitted = false;
        saveDraft(key.slice(PREFIX.length), draft);
      }
    }
  }

  function offerRestore(form, key, draft) {
    var box = document.createElement('div');
    box.className = 'alert alert-info draft-offer';
    box.setAttribute('role', 'status');
    var body = document.createElement('div');
    body.className = 'alert-body';
    var p = document.createElement('p');
    p.className = 'alert-text';
    p.textContent = 'Du har en kladde, som ikke er gemt (' + clock(draft.savedAt) + ').';
    var restore = document.createElement('button');
    restore.type = 'button';
    restore.className = 'button button-primary';
    restore.textContent = 'Gendan din ikke-gemte kladde';
    var discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'button button-tertiary';
    discard.textContent = 'Kassér kladden';
    restore.addEventListener('click', function () {
      writeFields(form, draft.fields);
      box.remove();
      markDirty(form);
      var first = form.querySelector('input:not([type=hidden]), textarea, select, [contenteditable=true]');
      if (first) first.focus();
    });
    discard.addEventListener('click', function () {
      if (store) store.removeItem(PREFIX + key);
      box.remove();
    });
    body.appendChild(p);
    body.appendChild(restore);
    body.appendChild(discard);
    box.appendChild(body);
    form.parentNode.insertBefore(box, form);
  }

  var dirtyForms = [];
  var submitting = false;

  function markDirty(form) {
    if (dirtyForms.indexOf(form) < 0) dirtyForms.push(form);
  }

  function setUpForm(form) {
    var key = form.getAttribute('data-draft-key');
    var initial = readFields(form);
    var timer = null;
    var lastSaved = JSON.stringify(initial);

    function persist() {
      timer = null;
      var fields = readFields(form);
      var json = JSON.stringify(fields);
      if (json === lastSaved) return;
      lastSaved = json;
      if (sameFields(fields, initial)) {
        if (store && key) store.removeItem(PREFIX + key);
        return;
      }
      if (key) saveDraft(key, { savedAt: Date.now(), version: form.getAttribute('data-draft-version'), fields: fields, submitted: false });
    }

    if (key) {
      var draft = loadDraft(key);
      if (draft && !draft.submitted && draft.fields && !sameFields(draft.fields, initial)) offerRestore(form, key, draft);
    }

    form.addEventListener('input', function () {
      markDirty(form);
      if (timer) clearTimeout(timer);
      timer = setTimeout(persist, SAVE_AFTER_INPUT_MS);
    });
    form.addEventListener('change', function () {
      markDirty(form);
      syncClosedFields(form);
    });
    if (key) setInterval(persist, SAVE_EVERY_MS);

    form.addEventListener('submit', function () {
      submitting = true;
      persist();
      if (key) {
        var d = loadDraft(key);
        if (d) {
          d.submitted = true;
          saveDraft(key, d);
        }
      }
    });
  }

  window.addEventListener('beforeunload', function (e) {
    if (submitting || dirtyForms.length === 0) return;
    e.preventDefault();
    e.returnValue = ''; // older browsers need a value to show their own warning
  });

  // ---- closed item: show the neutral title and reason only when "Lukket punkt" is chosen --

  function syncClosedFields(form) {
    var box = form.querySelector('[data-closed-fields]');
    if (!box) return;
    var closed = form.querySelector('input[name="access"][value="lukket"]');
    if (!closed) return;
    box.hidden = !closed.checked;
  }

  // ---- rich text -------------------------------------------------------------------------

  var ALLOWED = {
    P: [], BR: [], STRONG: [], EM: [], B: [], I: [], U: [], UL: [], OL: [], LI: [], A: ['href'],
    TABLE: [], THEAD: [], TBODY: [], TR: [], TH: [], TD: [], CAPTION: [], H3: [], H4: [], BLOCKQUOTE: [],
  };
  var DROP_WITH_CONTENT = { SCRIPT: 1, STYLE: 1, TEXTAREA: 1, IFRAME: 1, OBJECT: 1, EMBED: 1, SVG: 1, MATH: 1, TEMPLATE: 1, NOSCRIPT: 1, TITLE: 1 };
  var SAFE_LINK = /^(https?:|mailto:)/i;

  /** Tags that hold paragraphs or are one: text beside them is a paragraph of its own. */
  var BLOCK = { P: 1, UL: 1, OL: 1, TABLE: 1, H3: 1, H4: 1, BLOCKQUOTE: 1, DIV: 1 };

  function hasBlockChild(n) {
    for (var c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && BLOCK[c.tagName.toUpperCase()]) return true;
    return false;
  }

  /**
   * The same allow-list as the server (which sanitises again): never trust what is pasted.
   * Browsers make a new line with Enter in their own way: Chromium and Safari wrap it in a
   * <div> and leave the first line as bare text, Firefox may use <br> or <p>. A <div> without
   * blocks inside is a paragraph, and at the top level (`blocks`) bare text and inline
   * elements beside blocks are gathered into paragraphs, so no line is run into the next.
   */
  function cleanInto(source, target, blocks) {
    var open = null;
    for (var n = source.firstChild; n; n = n.nextSibling) {
      var tag = n.nodeType === 1 ? n.tagName.toUpperCase() : '';
      if (blocks && (n.nodeType === 3 || (n.nodeType === 1 && !BLOCK[tag] && !DROP_WITH_CONTENT[tag]))) {
        if (n.nodeType === 3 && n.nodeValue.trim() === '' && !open) continue;
        if (tag === 'BR') {
          // Two line breaks in a row (Enter twice where the browser makes <br>) end a paragraph;
          // a break at a paragraph's end is the browser's placeholder, not a line.
          var after = nextContent(n);
          if (!after || (after.nodeType === 1 && (after.tagName.toUpperCase() === 'BR' || BLOCK[after.tagName.toUpperCase()]))) {
            if (after && after.tagName.toUpperCase() === 'BR') n = after;
            open = null;
            continue;
          }
        }
        if (!open) {
          open = document.createElement('p');
          target.appendChild(open);
        }
        cleanNode(n, open);
        continue;
      }
      open = null;
      if (tag === 'DIV') {
        if (hasBlockChild(n)) cleanInto(n, target, blocks);
        else {
          var p = document.createElement('p');
          cleanInto(n, p, false);
          if (p.textContent.trim() !== '') target.appendChild(p);
        }
        continue;
      }
      cleanNode(n, target);
    }
  }

  /** The next sibling that is not blank text. */
  function nextContent(n) {
    var m = n.nextSibling;
    while (m && m.nodeType === 3 && m.nodeValue.trim() === '') m = m.nextSibling;
    return m;
  }

  function cleanNode(n, target) {
    if (n.nodeType === 3) {
      target.appendChild(document.createTextNode(n.nodeValue));
    } else if (n.nodeType === 1) {
      var tag = n.tagName.toUpperCase();
      if (DROP_WITH_CONTENT[tag]) return;
      if (ALLOWED[tag]) {
        var el = document.createElement(tag.toLowerCase());
        if (tag === 'A') {
          var href = n.getAttribute('href') || '';
          if (SAFE_LINK.test(href.trim())) el.setAttribute('href', href.trim());
        }
        if (tag === 'OL') {
          // Keeps a list's own numbering (the server's allow-list takes these too).
          var type = n.getAttribute('type');
          var start = n.getAttribute('start');
          if (type && /^[1aAiI]$/.test(type)) el.setAttribute('type', type);
          if (start && /^\d{1,4}$/.test(start)) el.setAttribute('start', start);
        }
        cleanInto(n, el, false);
        target.appendChild(el);
      } else {
        cleanInto(n, target, false); // unknown wrapper (span, font): keep its content
      }
    }
  }

  function looksLikeHtml(text) {
    return /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i.test(text);
  }

  function fill(editor, value) {
    editor.textContent = '';
    if (looksLikeHtml(value)) {
      var doc = new DOMParser().parseFromString(value, 'text/html');
      cleanInto(doc.body, editor, true);
    } else {
      // Plain text: blank lines separate paragraphs, single newlines are line breaks.
      var paragraphs = value.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
      for (var i = 0; i < paragraphs.length; i++) {
        if (paragraphs[i].trim() === '') continue;
        var p = document.createElement('p');
        var lines = paragraphs[i].split('\n');
        for (var j = 0; j < lines.length; j++) {
          if (j > 0) p.appendChild(document.createElement('br'));
          p.appendChild(document.createTextNode(lines[j]));
        }
        editor.appendChild(p);
      }
    }
  }

  function serialise(editor) {
    var holder = document.createElement('div');
    cleanInto(editor, holder, true);
    var html = holder.innerHTML;
    return holder.textContent.trim() === '' ? '' : html;
  }

  var BUTTONS = [
    { label: 'Fed', command: 'bold' },
    { label: 'Kursiv', command: 'italic' },
    { label: 'Punktopstilling', command: 'insertUnorderedList' },
    { label: 'Nummereret liste', command: 'insertOrderedList' },
    { label: 'Link', command: 'createLink' },
  ];

  function setUpRichText(textarea) {
    var id = textarea.id;
    var label = document.querySelector('label[for="' + cssEscape(id) + '"]');
    if (!label) return;
    if (!label.id) label.id = id + '-label';

    var toolbar = document.createElement('div');
    toolbar.className = 'rte-toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', 'Formatering: ' + label.textContent);
    toolbar.setAttribute('aria-controls', id + '-editor');

    var editor = document.createElement('div');
    editor.className = 'rte-area';
    editor.id = id + '-editor';
    editor.contentEditable = 'true';
    editor.setAttribute('role', 'textbox');
    editor.setAttribute('aria-multiline', 'true');
    editor.setAttribute('aria-labelledby', label.id);
    var described = textarea.getAttribute('aria-describedby');
    if (described) editor.setAttribute('aria-describedby', described);
    if (textarea.getAttribute('aria-invalid') === 'true') editor.setAttribute('aria-invalid', 'true');
    fill(editor, textarea.value);
    try {
      // Enter makes a <p> where the engine supports choosing (Chromium, Firefox, Safari);
      // cleanInto still reads the <div>s and <br>s of those that do not.
      document.execCommand('defaultParagraphSeparator', false, 'p');
    } catch {
      /* an engine without the command keeps its own way */
    }

    BUTTONS.forEach(function (b) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button-secondary';
      button.textContent = b.label;
      // Keep the selection in the editor when the button is pressed with the mouse.
      button.addEventListener('mousedown', function (e) {
        e.preventDefault();
      });
      button.addEventListener('click', function () {
        editor.focus();
        if (b.command === 'createLink') {
          var url = window.prompt('Linkets adresse (https://…)', 'https://');
          if (!url || !SAFE_LINK.test(url.trim())) return;
          document.execCommand('createLink', false, url.trim());
        } else {
          document.execCommand(b.command, false);
        }
        sync();
      });
      toolbar.appendChild(button);
    });

    function sync() {
      textarea.value = serialise(editor);
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }

    editor.addEventListener('input', sync);
    editor.addEventListener('paste', function (e) {
      // Pasted office text brings styles and scripts along: insert it cleaned.
      var html = e.clipboardData && e.clipboardData.getData('text/html');
      if (!html) return;
      e.preventDefault();
      var holder = document.createElement('div');
      cleanInto(new DOMParser().parseFromString(html, 'text/html').body, holder);
      document.execCommand('insertHTML', false, holder.innerHTML);
      sync();
    });
    textarea.addEventListener('protokol:restored', function () {
      fill(editor, textarea.value);
    });
    label.addEventListener('click', function () {
      editor.focus();
    });

    textarea.hidden = true;
    textarea.parentNode.insertBefore(toolbar, textarea);
    textarea.parentNode.insertBefore(editor, textarea);
  }

  /** The error summary links to the (now hidden) textarea: take the user to the editor instead. */
  function followSummaryLinks() {
    document.addEventListener('click', function (e) {
      var a = e.target && e.target.closest ? e.target.closest('a[href^="#"]') : null;
      if (!a) return;
      var target = document.getElementById(a.getAttribute('href').slice(1));
      if (!target || !target.hidden) return;
      var editor = document.getElementById(target.id + '-editor');
      if (!editor) return;
      e.preventDefault();
      editor.scrollIntoView({ block: 'center' });
      editor.focus();
    });
  }

  /** A refused form: move focus to the error summary, so it is read first (DKFDS pattern). */
  function focusErrorSummary() {
    var summary = document.querySelector('.error-summary');
    if (!summary) return;
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }

  function start() {
    settleSubmittedDrafts();
    focusErrorSummary();
    var rich = document.querySelectorAll('textarea[data-rich-text]');
    for (var i = 0; i < rich.length; i++) setUpRichText(rich[i]);
    var forms = document.querySelectorAll('form[data-draft-key], form[data-warn-unsaved]');
    for (var j = 0; j < forms.length; j++) {
      setUpForm(forms[j]);
      syncClosedFields(forms[j]);
    }
    followSummaryLinks();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
