import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlToText, sanitiseHtml } from '../../src/services/lifecycle/html.js';

describe('section HTML', () => {
  it('drops scripts, styles, event handlers and non-http links', () => {
    const out = sanitiseHtml(
      '<p onclick="steal()" style="color:red">Tekst<script>alert(1)</script></p><style>p{}</style><a href="javascript:alert(1)">ond</a><a href="data:text/html,x">data</a><img src=x onerror=y><iframe src="https://x"></iframe><svg><script>1</script></svg>',
    );
    assert.ok(!/script|onclick|style|javascript|data:|img|iframe|svg|alert|steal/i.test(out), out);
    assert.ok(out.includes('<p>Tekst</p>'));
  });

  it('keeps the allowed tags and marks links noopener', () => {
    const html =
      '<h3>Baggrund</h3><p><strong>Fed</strong> <em>kursiv</em> <u>u</u></p><ul><li>et</li></ul><ol><li>to</li></ol><blockquote>citat</blockquote><a href="https://kommune.dk/side" target="_blank">side</a><a href="mailto:post@kommune.dk">mail</a>';
    const out = sanitiseHtml(html);
    for (const tag of ['<h3>', '<strong>', '<em>', '<u>', '<ul>', '<ol>', '<li>', '<blockquote>']) assert.ok(out.includes(tag), tag);
    assert.ok(out.includes('<a href="https://kommune.dk/side" rel="noopener noreferrer">side</a>'), out);
    assert.ok(out.includes('<a href="mailto:post@kommune.dk" rel="noopener noreferrer">mail</a>'), out);
    assert.ok(!out.includes('target'));
  });

  it('derives plain text: blocks apart by an empty line, list entries and rows one a line, cells tabs, links keep their text', () => {
    const text = htmlToText(
      '<p>Første &amp; bedste</p><p>Anden<br>linje</p><ul><li>et</li><li>to</li></ul><table><caption>Budget</caption><thead><tr><th>Post</th><th>Beløb</th></tr></thead><tbody><tr><td>Løn</td><td>1.000</td></tr></tbody></table><p>Se <a href="https://x.dk">siden</a>.</p>',
    );
    assert.equal(text, 'Første & bedste\n\nAnden\nlinje\n\n- et\n- to\n\nBudget\n\nPost\tBeløb\nLøn\t1.000\n\nSe siden.');
  });

  it('keeps Danish letters and decodes entities', () => {
    assert.equal(htmlToText('<p>&aelig;&oslash;&aring; ÆØÅ &#230; &lt;tag&gt;</p>').includes('ÆØÅ æ <tag>'), true);
  });
});
