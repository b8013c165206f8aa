// The editor's few additions on top of Det Fælles Designsystem and the portal's stylesheet:
// the signed-in bar, the navigation, item lists with their action buttons, the rich-text
// toolbar and the side-by-side comparison of a stale save. Laid out for a laptop (1280 px)
// and a tablet in the meeting room (768 px): buttons wrap, nothing scrolls sideways.
// Colours are DKFDS's own, at least 4.5:1 on their background (WCAG 2.1 AA).
export const editorCss = `
.editor .header .solution-info .additional-info.editor-user { display: flex; align-items: center; gap: 1.2rem; flex-wrap: wrap; margin-left: auto; }
.editor .editor-user p { margin: 0; }
.editor .editor-logout { margin: 0; }
.editor .editor-logout .button { margin: 0; }
.editor-nav { border-top: 1px solid #ccc; background: #f5f5f5; }
.editor-nav-list { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0 2.4rem; }
.editor-nav-list li { margin: 0; padding: 0; }
.editor-nav-list a { display: inline-block; padding: 1.2rem 0; color: #1a1a1a; text-decoration: none; border-bottom: 4px solid transparent; }
.editor-nav-list a:hover { text-decoration: underline; }
.editor-nav-list a.current { border-bottom-color: #0059b3; font-weight: 600; }
.editor main .button { margin-right: 0.8rem; }
.action-form { display: inline-block; margin: 0 0.4rem 0.4rem 0; }
.action-form .button { margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: center; margin: 1.6rem 0; }
.actions .button, .actions .action-form { margin: 0; }
.item-list { list-style: none; padding: 0; margin: 0 0 2.4rem; max-width: 96rem; }
.item-list > li { border-bottom: 1px solid #ccc; padding: 1.2rem 0; margin: 0; }
.item-list > li:first-child { border-top: 1px solid #ccc; }
.item-list .item-head { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; align-items: baseline; }
.item-list .item-number { font-weight: 600; min-width: 2.4rem; }
.item-list .item-actions { display: flex; flex-wrap: wrap; gap: 0.4rem 0.8rem; align-items: flex-end; margin-top: 0.8rem; }
.item-list .item-actions .form-group { margin: 0; }
.item-list .item-actions .form-select { max-width: 32rem; }
.move-form { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: flex-end; }
.move-form .form-group { margin-top: 0; }
.badge { white-space: nowrap; }
.cpr-hits li { margin-bottom: 1.2rem; }
.cpr-hits .action-form { display: block; margin-top: 0.4rem; }
.compare { display: grid; grid-template-columns: repeat(auto-fit, minmax(30rem, 1fr)); gap: 1.6rem; max-width: 120rem; }
.compare section { border: 1px solid #ccc; padding: 1.2rem 1.6rem; }
.compare .current-text { background: #f5f5f5; }
.rich-text .form-input { max-width: 76.8rem; width: 100%; }
.rte-toolbar { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.4rem 0; }
.rte-toolbar button { margin: 0; min-width: 4.4rem; min-height: 4.4rem; padding: 0.4rem 0.8rem; }
.rte-area { border: 1px solid #747474; border-radius: 4px; padding: 0.8rem 1.2rem; min-height: 12rem; max-width: 76.8rem; background: #fff; }
.rte-area:focus { outline: 3px solid #0059b3; outline-offset: 1px; }
.draft-offer { margin: 1.6rem 0; }
.table-wrap { overflow-x: auto; max-width: 100%; }
fieldset.sections { border: 0; padding: 0; margin: 2.4rem 0 0; }
.closed-fields { border-left: 4px solid #ccc; padding-left: 1.6rem; margin-top: 1.6rem; }
.attachment-list { list-style: none; padding: 0; max-width: 96rem; }
.attachment-list > li { border-bottom: 1px solid #ccc; padding: 1.2rem 0; }
`;
